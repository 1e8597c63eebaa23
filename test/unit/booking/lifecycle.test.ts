import { describe, expect, it } from 'vitest'
import {
  checkApplicantAccepted,
  shouldReviewApplicant,
} from '../../../src/rules/booking/checkApplicantAccepted'
import { checkCancellationMethod } from '../../../src/rules/booking/checkCancellationMethod'
import { checkCapacity } from '../../../src/rules/booking/checkCapacity'
import { noShowAt, shouldMarkNoShow } from '../../../src/rules/booking/checkNoShow'
import {
  allowedTransitions,
  checkInitialStatus,
  checkStatusTransition,
  initialStatus,
} from '../../../src/rules/booking/checkStatusTransition'
import { checkConfirmDeadline, confirmDeadline } from '../../../src/rules/booking/confirmDeadline'
import { ruleMessages } from '../../../src/rules/booking/messages'
import type { BookingStatus } from '../../../src/rules/booking/types'
import { isesaki, jst, kitakyushu, withChanges } from './fixtures'

describe('checkStatusTransition', () => {
  const statuses: BookingStatus[] = [
    'pending_confirmation',
    'confirmed',
    'completed',
    'cancelled',
    'expired',
    'no_show',
  ]
  const legal = new Set([
    'pending_confirmation→confirmed',
    'pending_confirmation→cancelled',
    'pending_confirmation→expired',
    'confirmed→completed',
    'confirmed→cancelled',
    'confirmed→no_show',
  ])

  for (const from of statuses) {
    for (const to of statuses.filter((status) => status !== from)) {
      const allowed = legal.has(`${from}→${to}`)
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'invalid_transition'}`, () => {
        const result = checkStatusTransition(from, to)
        if (allowed) expect(result).toBeNull()
        else expect(result).toMatchObject({ code: 'invalid_transition' })
      })
    }
  }

  it('has no way out of a terminal status', () => {
    for (const status of ['completed', 'cancelled', 'expired', 'no_show'] as const) {
      expect(allowedTransitions[status]).toEqual([])
    }
  })

  it('rejects a status it does not know', () => {
    expect(checkStatusTransition('bogus' as BookingStatus, 'confirmed')?.code).toBe(
      'invalid_transition',
    )
  })

  it('creates self-service bookings pending and staff-scheduled ones confirmed', () => {
    expect(initialStatus('self-service')).toBe('pending_confirmation')
    expect(initialStatus('staff-scheduled')).toBe('confirmed')
    expect(checkInitialStatus('staff-scheduled', 'confirmed')).toBeNull()
    expect(checkInitialStatus('self-service', 'confirmed')?.code).toBe('invalid_transition')
  })
})

describe('checkCancellationMethod', () => {
  const slot = jst('2026-12-01T10:00')
  const dayBefore = jst('2026-11-30T17:00')
  const sameDay = jst('2026-12-01T08:30')

  it('self-service cancels by link only', () => {
    expect(checkCancellationMethod(kitakyushu, 'self-service', 'link', sameDay, slot)).toBeNull()
    expect(
      checkCancellationMethod(kitakyushu, 'self-service', 'phone', dayBefore, slot),
    ).toMatchObject({
      code: 'invalid_transition',
      field: 'cancelMethod',
    })
  })

  it('北九州 staff-scheduled: phone or email, but on the day by phone only', () => {
    expect(
      checkCancellationMethod(kitakyushu, 'staff-scheduled', 'email', dayBefore, slot),
    ).toBeNull()
    expect(
      checkCancellationMethod(kitakyushu, 'staff-scheduled', 'phone', dayBefore, slot),
    ).toBeNull()
    expect(
      checkCancellationMethod(kitakyushu, 'staff-scheduled', 'phone', sameDay, slot),
    ).toBeNull()
    const late = checkCancellationMethod(kitakyushu, 'staff-scheduled', 'email', sameDay, slot)
    expect(late?.code).toBe('invalid_transition')
    expect(late?.message).toBe('当日のキャンセルは電話でのみ受け付けています。')
  })

  it('the day changes at 00:00 JST', () => {
    const email = (now: Date) =>
      checkCancellationMethod(kitakyushu, 'staff-scheduled', 'email', now, slot)
    expect(email(jst('2026-11-30T23:59:59'))).toBeNull()
    expect(email(jst('2026-12-01T00:00'))?.code).toBe('invalid_transition')
  })

  it('伊勢崎: phone only', () => {
    expect(checkCancellationMethod(isesaki, 'staff-scheduled', 'phone', dayBefore, slot)).toBeNull()
    expect(
      checkCancellationMethod(isesaki, 'staff-scheduled', 'email', dayBefore, slot)?.message,
    ).toBe('キャンセルは電話でのみ受け付けています。')
    expect(checkCancellationMethod(isesaki, 'self-service', 'link', dayBefore, slot)?.code).toBe(
      'channel_not_offered',
    )
  })
})

describe('no-shows', () => {
  const slot = jst('2026-12-01T10:00')
  const confirmed = { status: 'confirmed' as const, slotStart: slot }

  it('marks a confirmed booking once the 10 grace minutes have passed', () => {
    expect(noShowAt(slot, isesaki).toISOString()).toBe(jst('2026-12-01T10:10').toISOString())
    expect(shouldMarkNoShow(confirmed, isesaki, jst('2026-12-01T10:09:59.999'))).toBe(false)
    expect(shouldMarkNoShow(confirmed, isesaki, jst('2026-12-01T10:10'))).toBe(true)
  })

  it('leaves every other status alone', () => {
    for (const status of [
      'pending_confirmation',
      'completed',
      'cancelled',
      'expired',
      'no_show',
    ] as const) {
      expect(shouldMarkNoShow({ status, slotStart: slot }, isesaki, jst('2026-12-01T12:00'))).toBe(
        false,
      )
    }
  })

  it('flags for review after N no-shows, never when N is 0', () => {
    const twice = withChanges(kitakyushu, { refuseAfterNoShows: 2 })
    expect(shouldReviewApplicant(1, twice)).toBe(false)
    expect(shouldReviewApplicant(2, twice)).toBe(true)
    expect(shouldReviewApplicant(100, withChanges(isesaki, { refuseAfterNoShows: 0 }))).toBe(false)
  })

  it('refuses only an applicant an office admin refused, with the neutral not_accepted message', () => {
    expect(checkApplicantAccepted({ refusedByStaff: false })).toBeNull()
    expect(checkApplicantAccepted({ refusedByStaff: true })).toEqual({
      code: 'not_accepted',
      message: '現在このご予約はお受けできません。',
    })
    expect(checkApplicantAccepted({ refusedByStaff: true })?.message).toBe(
      ruleMessages.not_accepted,
    )
  })
})

describe('checkCapacity', () => {
  it('is full when the taken seats reach the capacity', () => {
    expect(checkCapacity(0, 1)).toBeNull()
    expect(checkCapacity(1, 2)).toBeNull()
    expect(checkCapacity(1, 1)).toMatchObject({ code: 'slot_full' })
    expect(checkCapacity(3, 2)?.code).toBe('slot_full')
  })
})

describe('confirmDeadline', () => {
  const slot = jst('2026-12-01T10:30')

  it('is createdAt + confirmWindowMinutes', () => {
    const deadline = confirmDeadline(jst('2026-12-01T08:00'), kitakyushu, slot)
    expect(deadline.toISOString()).toBe(jst('2026-12-01T09:00').toISOString())
  })

  it('never falls after the slot start (before-start)', () => {
    const deadline = confirmDeadline(jst('2026-12-01T10:00'), kitakyushu, slot)
    expect(deadline.toISOString()).toBe(slot.toISOString())
  })

  it('never falls after 00:00 JST of the slot day (previous-day)', () => {
    const policy = withChanges(kitakyushu, { leadTime: 'previous-day' })
    const deadline = confirmDeadline(jst('2026-11-30T23:30'), policy, slot)
    expect(deadline.toISOString()).toBe(jst('2026-12-01T00:00').toISOString())
  })

  it('refuses a confirmation at or after the deadline', () => {
    const created = jst('2026-12-01T08:00')
    expect(checkConfirmDeadline(created, kitakyushu, slot, jst('2026-12-01T08:59:59'))).toBeNull()
    expect(checkConfirmDeadline(created, kitakyushu, slot, jst('2026-12-01T09:00'))?.code).toBe(
      'lead_time',
    )
  })
})

describe('messages', () => {
  it('has a Japanese default for every rule code', () => {
    const codes = [
      'outside_hours',
      'closed_day',
      'lead_time',
      'booking_window',
      'channel_not_offered',
      'missing_field',
      'invalid_field',
      'terms_not_current',
      'not_accepted',
      'invalid_transition',
      'slot_full',
      'booking_changed',
      'too_many_open_bookings',
    ] as const
    expect(Object.keys(ruleMessages).sort()).toEqual([...codes].sort())
    for (const code of codes) expect(ruleMessages[code]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
  })
})
