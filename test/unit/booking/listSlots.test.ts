import { describe, expect, it } from 'vitest'
import { listSlots, slotKey } from '../../../src/rules/booking/listSlots'
import { isesaki, jst, kitakyushu, withChanges } from './fixtures'

const isesakiDecemberFirst = [
  '10:00',
  '10:30',
  '11:00',
  '11:30',
  '14:00',
  '14:30',
  '15:00',
  '15:30',
].map((time) => `2026-12-01T${time}:00+09:00`)

describe('listSlots', () => {
  const now = jst('2026-11-20T09:00')

  it('lists aligned slots inside the windows with their JST start and end', () => {
    const slots = listSlots({ policies: [isesaki], from: '2026-12-01', to: '2026-12-01', now })
    expect(slots.map((slot) => slot.start)).toEqual(isesakiDecemberFirst)
    expect(slots[0]).toEqual({
      start: '2026-12-01T10:00:00+09:00',
      end: '2026-12-01T10:30:00+09:00',
      remaining: 1,
    })
    expect(slots.at(-1)?.end).toBe('2026-12-01T16:00:00+09:00')
  })

  it('subtracts taken seats by slotKey and drops full slots', () => {
    const policy = withChanges(isesaki, { capacityPerSlot: 2 })
    const taken = new Map([
      [slotKey('2026-12-01T10:00:00+09:00'), 2],
      [slotKey(new Date('2026-12-01T01:30:00Z')), 1], // 10:30 JST
    ])
    const slots = listSlots({
      policies: [policy],
      from: '2026-12-01',
      to: '2026-12-01',
      now,
      takenBySlotStart: taken,
    })
    expect(slots.slice(0, 2)).toEqual([
      { start: '2026-12-01T10:30:00+09:00', end: '2026-12-01T11:00:00+09:00', remaining: 1 },
      { start: '2026-12-01T11:00:00+09:00', end: '2026-12-01T11:30:00+09:00', remaining: 2 },
    ])
  })

  it('skips weekends, national holidays and 12/29–1/3', () => {
    const dates = (from: string, to: string) => [
      ...new Set(
        listSlots({ policies: [isesaki], from, to, now: jst('2026-11-20T09:00') }).map((s) =>
          s.start.slice(0, 10),
        ),
      ),
    ]
    expect(dates('2026-11-21', '2026-11-24')).toEqual(['2026-11-24'])
    const yearEnd = listSlots({
      policies: [withChanges(isesaki, { bookingWindowDays: 60 })],
      from: '2026-12-25',
      to: '2027-01-05',
      now: jst('2026-12-01T09:00'),
    })
    expect([...new Set(yearEnd.map((s) => s.start.slice(0, 10)))]).toEqual([
      '2026-12-25',
      '2026-12-28',
      '2027-01-04',
      '2027-01-05',
    ])
  })

  it('lets a future policy govern only the days from its effectiveFrom', () => {
    const afternoonsOnly = withChanges(isesaki, {
      effectiveFrom: '2026-12-01',
      windows: [{ weekday: 2, start: '14:00', end: '15:00' }],
    })
    const slots = listSlots({
      policies: [afternoonsOnly, isesaki],
      from: '2026-11-30',
      to: '2026-12-01',
      now,
    })
    const starts = slots.map((slot) => slot.start)
    expect(starts.filter((start) => start.startsWith('2026-11-30'))).toHaveLength(8)
    expect(starts.filter((start) => start.startsWith('2026-12-01'))).toEqual([
      '2026-12-01T14:00:00+09:00',
      '2026-12-01T14:30:00+09:00',
    ])
  })

  it('previous-day lead time: the whole day closes at 00:00 JST', () => {
    const list = (at: string) =>
      listSlots({ policies: [isesaki], from: '2026-12-01', to: '2026-12-01', now: jst(at) })
    expect(list('2026-11-30T23:59:59')).toHaveLength(8)
    expect(list('2026-12-01T00:00')).toEqual([])
  })

  it('before-start lead time: only slots that have not started', () => {
    const starts = listSlots({
      policies: [kitakyushu],
      from: '2026-12-01',
      to: '2026-12-01',
      now: jst('2026-12-01T10:00'),
    }).map((slot) => slot.start.slice(11, 16))
    expect(starts).toEqual([
      '10:30',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
    ])
  })

  it('stops at the booking window and ignores days before today', () => {
    const slots = listSlots({
      policies: [isesaki],
      from: '2000-01-01',
      to: '2099-12-31',
      now: jst('2026-11-01T09:00'),
    })
    expect(slots[0]?.start).toBe('2026-11-02T10:00:00+09:00')
    expect(slots.at(-1)?.start).toBe('2026-12-01T15:30:00+09:00')
  })

  it('keys taken seats by epoch ms and refuses text without an offset', () => {
    expect(slotKey('2026-12-01T10:00:00+09:00')).toBe(slotKey(new Date('2026-12-01T01:00:00Z')))
    expect(slotKey('2026-12-01T10:00:00+09:00')).toBe(String(Date.UTC(2026, 11, 1, 1)))
    expect(() => slotKey('2026-12-01T10:00:00')).toThrow(RangeError)
  })

  it('filters by channel', () => {
    const input = { policies: [isesaki], from: '2026-12-01', to: '2026-12-01', now }
    expect(listSlots({ ...input, channel: 'self-service' })).toEqual([])
    expect(listSlots({ ...input, channel: 'staff-scheduled' })).toHaveLength(8)
  })

  // Its speed (the 5 ms target for 31 days over 5,000 bookings) is measured by `npm run bench`.
  it('lists 31 days of a three-seat policy, seats taken on some', () => {
    const wide = withChanges(kitakyushu, { bookingWindowDays: 60, capacityPerSlot: 3 })
    const taken = new Map<string, number>()
    for (let day = 0; day < 31; day++) {
      taken.set(slotKey(jst('2026-12-01T10:00').getTime() + day * 86_400_000), 1)
    }
    const run = () =>
      listSlots({
        policies: [wide],
        from: '2026-12-01',
        to: '2026-12-31',
        now,
        takenBySlotStart: taken,
      })
    const slots = run()
    expect(slots).toHaveLength(200)
    const tenOClock = slots.filter((slot) => slot.start.endsWith('T10:00:00+09:00'))
    expect(tenOClock.length).toBeGreaterThan(0)
    for (const slot of slots) expect(slot.remaining).toBe(tenOClock.includes(slot) ? 2 : 3)
  })
})
