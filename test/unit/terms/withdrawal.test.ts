import { describe, expect, it } from 'vitest'

import { withdrawalProblem } from '../../../src/rules/terms/withdrawal'

const announced = {
  status: 'published',
  effectiveFrom: '2027-03-01',
  today: '2027-02-01',
  reason: '見直しのため',
}
const code = (input: typeof announced | (Omit<typeof announced, 'reason'> & { reason: null })) =>
  withdrawalProblem(input)?.code ?? null

describe('withdrawing an announced change', () => {
  it('is allowed for a published edition before its effective date, with a reason', () => {
    expect(code(announced)).toBe(null)
    expect(code({ ...announced, today: '2027-02-28' })).toBe(null)
  })

  it('refuses a draft or an edition already withdrawn', () => {
    expect(code({ ...announced, status: 'draft' })).toBe('withdrawal_not_announced')
    expect(code({ ...announced, status: 'withdrawn' })).toBe('withdrawal_not_announced')
  })

  it('refuses on and after the effective date, and without a reason', () => {
    expect(code({ ...announced, today: '2027-03-01' })).toBe('withdrawal_too_late')
    expect(code({ ...announced, reason: ' ' })).toBe('reasons_required')
    expect(code({ ...announced, reason: null })).toBe('reasons_required')
  })
})
