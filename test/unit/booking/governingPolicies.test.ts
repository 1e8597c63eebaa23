import { describe, expect, it } from 'vitest'

import { checkPolicyEdit } from '../../../src/rules/booking/checkPolicyEdit'
import { governingPolicies, policyOfEdition } from '../../../src/rules/booking/governingPolicies'
import { policyInForce } from '../../../src/rules/booking/policyInForce'
import { changedTermsBoundFields } from '../../../src/rules/booking/termsBoundFields'
import type { BookingPolicy } from '../../../src/rules/booking/types'
import { isesaki, jst, withChanges } from './fixtures'

const byEmail = (policy: BookingPolicy, effectiveFrom: string) =>
  withChanges(policy, {
    effectiveFrom,
    channels: policy.channels.map((c) => ({ ...c, cancelBy: ['email'] })),
  })

const stored = (id: number, policy: BookingPolicy) => ({
  id,
  effectiveFrom: policy.effectiveFrom,
  policy,
})

const cancelByOn = (entries: { policy: BookingPolicy }[], at: Date) =>
  policyInForce(
    entries.map((e) => e.policy),
    at,
  )?.channels[0]?.cancelBy

describe('changedTermsBoundFields', () => {
  it('ignores capacity, closures and the date; names every printed field that differs', () => {
    const changed = withChanges(isesaki, {
      capacityPerSlot: 3,
      closures: ['2026-08-13'],
      effectiveFrom: '2030-01-01',
    })
    expect(changedTermsBoundFields(isesaki, changed)).toEqual([])
    expect(changedTermsBoundFields(isesaki, byEmail(isesaki, isesaki.effectiveFrom))).toEqual([
      'channels',
    ])
    expect(
      changedTermsBoundFields(
        isesaki,
        withChanges(isesaki, { noShowGraceMinutes: 15, court: 'x' }),
      ),
    ).toEqual(['court', 'noShowGraceMinutes'])
  })
})

describe('governingPolicies', () => {
  const p1 = stored(1, isesaki)
  const p2 = stored(2, byEmail(isesaki, '2027-02-01'))

  it('keeps the old terms-bound rules while the change has no published edition', () => {
    const entries = governingPolicies([p1, p2], [{ effectiveFrom: '2025-04-01', policyId: 1 }])
    expect(cancelByOn(entries, jst('2027-01-31T10:00'))).toEqual(['phone'])
    expect(cancelByOn(entries, jst('2027-02-01T10:00'))).toEqual(['phone'])
  })

  it('enforces the change from the effective date of the edition that carries it', () => {
    const entries = governingPolicies(
      [p1, p2],
      [
        { effectiveFrom: '2025-04-01', policyId: 1 },
        { effectiveFrom: '2027-02-01', policyId: 2 },
      ],
    )
    expect(cancelByOn(entries, jst('2027-01-31T23:59'))).toEqual(['phone'])
    expect(cancelByOn(entries, jst('2027-02-01T00:00'))).toEqual(['email'])
  })

  it('applies capacity and closed days from the stored policy at once', () => {
    const p3 = stored(
      3,
      withChanges(byEmail(isesaki, '2027-02-01'), { capacityPerSlot: 4, closures: ['2027-02-03'] }),
    )
    const entries = governingPolicies([p1, p3], [{ effectiveFrom: '2025-04-01', policyId: 1 }])
    const feb = policyInForce(
      entries.map((e) => e.policy),
      jst('2027-02-02T10:00'),
    )!
    expect(feb.capacityPerSlot).toBe(4)
    expect(feb.closures).toEqual(['2027-02-03'])
    expect(feb.channels[0]!.cancelBy).toEqual(['phone'])
    expect(entries.at(-1)).toMatchObject({ termsSource: p1, operationalSource: p3 })
  })

  it('follows the stored policies as they are before any published edition', () => {
    const entries = governingPolicies([p1, p2], [])
    expect(cancelByOn(entries, jst('2027-02-01T10:00'))).toEqual(['email'])
  })

  it('reads an imported edition (no policy) as the latest stored policy on its date', () => {
    expect(policyOfEdition([p1, p2], { effectiveFrom: '2026-01-01', policyId: null })).toBe(p1)
    expect(policyOfEdition([p1, p2], { effectiveFrom: '2027-03-01', policyId: 1 })).toBe(p1)
  })
})

describe('checkPolicyEdit', () => {
  it('refuses terms-bound edits, date changes and deletion of a policy printed by an edition', () => {
    const edit = checkPolicyEdit({
      governedEditionNumbers: [1, 2],
      before: isesaki,
      after: byEmail(isesaki, isesaki.effectiveFrom),
    })
    expect(edit).toMatchObject({ code: 'policy_governs_terms', fields: ['channels'] })
    expect(edit!.message).toContain('第1版・第2版')
    expect(
      checkPolicyEdit({
        governedEditionNumbers: [1],
        before: isesaki,
        after: withChanges(isesaki, { effectiveFrom: '2025-05-01' }),
      })?.fields,
    ).toEqual(['effectiveFrom'])
    expect(
      checkPolicyEdit({ governedEditionNumbers: [1], before: isesaki, after: null })?.code,
    ).toBe('policy_governs_terms')
  })

  it('lets capacity and closures change, and any field of a policy no edition prints', () => {
    expect(
      checkPolicyEdit({
        governedEditionNumbers: [1],
        before: isesaki,
        after: withChanges(isesaki, { capacityPerSlot: 2, closures: ['2026-12-28'] }),
      }),
    ).toBeNull()
    expect(
      checkPolicyEdit({
        governedEditionNumbers: [],
        before: isesaki,
        after: byEmail(isesaki, isesaki.effectiveFrom),
      }),
    ).toBeNull()
  })
})
