import { describe, expect, it } from 'vitest'
import { checkBookingWindow, lastBookableDate } from '../../../src/rules/booking/checkBookingWindow'
import { checkClosedDay, closedDayReason } from '../../../src/rules/booking/checkClosedDay'
import { checkLeadTime, leadTimeCutoff } from '../../../src/rules/booking/checkLeadTime'
import { checkSlotInWindow } from '../../../src/rules/booking/checkSlotInWindow'
import { isesaki, jst, kitakyushu, withChanges } from './fixtures'

describe('checkSlotInWindow (伊勢崎: weekdays 10:00–12:00, 14:00–16:00, 30 min)', () => {
  it.each([
    ['2026-12-01T10:00', true],
    ['2026-12-01T10:30', true],
    ['2026-12-01T11:30', true], // last slot of the morning window
    ['2026-12-01T14:00', true],
    ['2026-12-01T15:30', true],
    ['2026-12-01T09:59', false],
    ['2026-12-01T09:30', false],
    ['2026-12-01T12:00', false],
    ['2026-12-01T11:45', false], // would run past 12:00 and is off the grid
    ['2026-12-01T10:15', false], // inside the window but not aligned
    ['2026-12-01T13:30', false], // lunch gap
    ['2026-12-01T16:00', false],
    ['2026-12-01T10:00:01', false],
    ['2026-12-05T10:00', false], // Saturday
  ])('%s → %s', (local, allowed) => {
    const result = checkSlotInWindow(isesaki, jst(local))
    if (allowed) expect(result).toBeNull()
    else expect(result).toMatchObject({ code: 'outside_hours' })
  })

  it('reads the weekday in Tokyo, not UTC: Monday 10:00 JST is Monday 01:00 UTC', () => {
    expect(checkSlotInWindow(isesaki, new Date('2026-11-30T01:00:00Z'))).toBeNull()
    // Saturday 00:30 UTC is Saturday 09:30 JST; Friday 16:00 JST is Friday 07:00 UTC.
    expect(checkSlotInWindow(isesaki, new Date('2026-12-05T01:00:00Z'))?.code).toBe('outside_hours')
  })

  it('aligns slots to the session length from the window start', () => {
    const policy = withChanges(isesaki, {
      sessionMinutes: 45,
      windows: [{ weekday: 2, start: '09:15', end: '11:30' }],
    })
    expect(checkSlotInWindow(policy, jst('2026-12-01T09:15'))).toBeNull()
    expect(checkSlotInWindow(policy, jst('2026-12-01T10:00'))).toBeNull()
    expect(checkSlotInWindow(policy, jst('2026-12-01T10:45'))).toBeNull()
    expect(checkSlotInWindow(policy, jst('2026-12-01T09:30'))?.code).toBe('outside_hours')
    expect(checkSlotInWindow(policy, jst('2026-12-01T11:30'))?.code).toBe('outside_hours')
  })
})

describe('checkClosedDay', () => {
  it('closes national holidays from the library: 2026-11-23 勤労感謝の日', () => {
    expect(checkClosedDay(isesaki, jst('2026-11-23T10:00'))).toMatchObject({ code: 'closed_day' })
    expect(closedDayReason('2026-11-23', isesaki)).toBe('national-holiday')
    expect(checkClosedDay(isesaki, jst('2026-11-24T10:00'))).toBeNull()
  })

  it('closes substitute holidays too (2026-05-06)', () => {
    expect(closedDayReason('2026-05-06', isesaki)).toBe('national-holiday')
  })

  it('closes 12/29 through 1/3 and reopens on 12/28 and 1/4', () => {
    expect(checkClosedDay(isesaki, jst('2026-12-28T10:00'))).toBeNull()
    expect(checkClosedDay(isesaki, jst('2026-12-29T10:00'))?.code).toBe('closed_day')
    expect(checkClosedDay(isesaki, jst('2026-12-31T10:00'))?.code).toBe('closed_day')
    expect(checkClosedDay(isesaki, jst('2027-01-03T10:00'))?.code).toBe('closed_day')
    expect(closedDayReason('2027-01-01', isesaki)).toBe('year-end')
    expect(checkClosedDay(isesaki, jst('2027-01-04T10:00'))).toBeNull()
  })

  it('closes office closure dates', () => {
    const policy = withChanges(isesaki, { closures: ['2026-12-02'] })
    expect(checkClosedDay(policy, jst('2026-12-02T10:00'))?.code).toBe('closed_day')
    expect(checkClosedDay(policy, jst('2026-12-01T10:00'))).toBeNull()
  })

  it('uses the Tokyo date: 2026-11-22T15:00Z is already the holiday in Japan', () => {
    expect(checkClosedDay(isesaki, new Date('2026-11-22T15:00:00Z'))?.code).toBe('closed_day')
    expect(checkClosedDay(isesaki, new Date('2026-11-23T15:00:00Z'))).toBeNull()
  })
})

describe('checkLeadTime', () => {
  const slot = jst('2026-12-01T10:00')

  it('previous-day: 23:59:59 the day before is in time, 00:00 JST of the day is not', () => {
    expect(checkLeadTime(isesaki, slot, jst('2026-11-30T23:59:59'))).toBeNull()
    expect(checkLeadTime(isesaki, slot, jst('2026-11-30T23:59:59.999'))).toBeNull()
    expect(checkLeadTime(isesaki, slot, jst('2026-12-01T00:00'))).toMatchObject({
      code: 'lead_time',
    })
    expect(checkLeadTime(isesaki, slot, jst('2026-12-01T09:00'))?.code).toBe('lead_time')
    expect(leadTimeCutoff(isesaki, slot).toISOString()).toBe('2026-11-30T15:00:00.000Z')
  })

  it('before-start: up to the last millisecond before the session', () => {
    expect(checkLeadTime(kitakyushu, slot, jst('2026-12-01T09:59:59.999'))).toBeNull()
    expect(checkLeadTime(kitakyushu, slot, jst('2026-12-01T10:00'))?.code).toBe('lead_time')
    expect(checkLeadTime(kitakyushu, slot, jst('2026-12-01T10:10'))?.code).toBe('lead_time')
  })
})

describe('checkBookingWindow (30 days, counted in JST calendar dates)', () => {
  const now = jst('2026-11-01T09:00')

  it('opens up to and including today + 30', () => {
    expect(lastBookableDate(isesaki, now)).toBe('2026-12-01')
    expect(checkBookingWindow(isesaki, jst('2026-12-01T15:30'), now)).toBeNull()
    expect(checkBookingWindow(isesaki, jst('2026-12-02T10:00'), now)).toMatchObject({
      code: 'booking_window',
    })
  })

  it('counts from the JST date of now, even when UTC is still on the previous day', () => {
    const justAfterMidnightJst = new Date('2026-10-31T15:30:00Z')
    expect(lastBookableDate(isesaki, justAfterMidnightJst)).toBe('2026-12-01')
  })
})
