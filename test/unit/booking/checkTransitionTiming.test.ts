import { describe, expect, it } from 'vitest'

import { checkTransitionTiming } from '../../../src/rules/booking/checkTransitionTiming'
import { jst, kitakyushu } from './fixtures'

const slotStart = jst('2026-12-01T10:00')
const confirmBy = jst('2026-11-20T11:00')
const timing = (to: Parameters<typeof checkTransitionTiming>[0]['to'], now: Date) =>
  checkTransitionTiming({ to, slotStart, confirmBy, policy: kitakyushu, now })

describe('checkTransitionTiming', () => {
  it('confirms only before the confirmation deadline', () => {
    expect(timing('confirmed', jst('2026-11-20T10:59:59'))).toBeNull()
    expect(timing('confirmed', jst('2026-11-20T11:00'))?.code).toBe('lead_time')
    expect(
      checkTransitionTiming({
        to: 'confirmed',
        slotStart,
        confirmBy: null,
        policy: kitakyushu,
        now: jst('2026-11-30T09:00'),
      }),
    ).toBeNull()
  })

  it('lets a booking lapse only once its deadline has passed', () => {
    expect(timing('expired', jst('2026-11-20T10:59'))).toMatchObject({
      code: 'invalid_transition',
      field: 'status',
    })
    expect(timing('expired', jst('2026-11-20T11:00'))).toBeNull()
    expect(
      checkTransitionTiming({
        to: 'expired',
        slotStart,
        confirmBy: null,
        policy: kitakyushu,
        now: jst('2026-12-02T00:00'),
      })?.code,
    ).toBe('invalid_transition')
  })

  it('marks a no-show only after the grace period, none without a policy', () => {
    const grace = kitakyushu.noShowGraceMinutes
    const afterGrace = new Date(slotStart.getTime() + grace * 60_000)
    expect(timing('no_show', new Date(afterGrace.getTime() - 1000))?.code).toBe(
      'invalid_transition',
    )
    expect(timing('no_show', afterGrace)).toBeNull()
    expect(
      checkTransitionTiming({ to: 'no_show', slotStart, confirmBy, policy: null, now: slotStart }),
    ).toBeNull()
  })

  it('completes only a session that has started', () => {
    expect(timing('completed', jst('2026-12-01T09:59'))?.code).toBe('invalid_transition')
    expect(timing('completed', slotStart)).toBeNull()
    expect(timing('cancelled', jst('2026-12-01T09:59'))).toBeNull()
  })
})
