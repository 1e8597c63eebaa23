import { describe, expect, it } from 'vitest'

import {
  addDays,
  formatEraDate,
  formatEraDay,
  formatTokyoDateTime,
  formatTokyoIso,
  isIsoDate,
  secondsUntilTokyoMidnight,
  tokyoDateOf,
  tokyoDay,
  tokyoDayStart,
  tokyoToday,
  tokyoWallClock,
} from '../../../src/lib/tokyoTime'

describe('today in Tokyo', () => {
  it('turns at 00:00 JST (15:00 UTC), not at UTC midnight', () => {
    expect(tokyoToday(Date.parse('2026-03-31T14:59:59.999Z'))).toBe('2026-03-31')
    expect(tokyoToday(Date.parse('2026-03-31T15:00:00Z'))).toBe('2026-04-01')
    expect(tokyoToday(new Date('2026-04-01T00:00:00Z'))).toBe('2026-04-01')
  })

  it('answers right when asked about different days in turn (the memo holds one day)', () => {
    const days = ['2026-12-31T15:00:00Z', '2026-01-01T00:00:00Z', '2027-01-01T14:00:00Z']
    for (let round = 0; round < 2; round++) {
      expect(days.map((iso) => tokyoToday(Date.parse(iso)))).toEqual([
        '2027-01-01',
        '2026-01-01',
        '2027-01-01',
      ])
    }
    expect(tokyoDateOf(Date.parse('1969-12-31T14:00:00Z'))).toBe('1969-12-31')
  })

  it('refuses an invalid instant rather than computing with NaN', () => {
    expect(() => tokyoDateOf(new Date('nonsense'))).toThrow(RangeError)
  })

  it('counts the seconds to the next Tokyo midnight, at least one', () => {
    expect(secondsUntilTokyoMidnight(Date.parse('2026-04-01T14:00:00Z'))).toBe(3600)
    expect(secondsUntilTokyoMidnight(Date.parse('2026-04-01T14:59:59.900Z'))).toBe(1)
    expect(secondsUntilTokyoMidnight(Date.parse('2026-04-01T15:00:00Z'))).toBe(86_400)
  })
})

describe('Tokyo days', () => {
  it('starts a day at 00:00+09:00 and knows its weekday', () => {
    expect(tokyoDay('2026-04-01')).toEqual({
      date: '2026-04-01',
      startMs: Date.parse('2026-03-31T15:00:00Z'),
      weekday: 3,
      offset: '+09:00',
    })
    expect(tokyoDayStart('2026-04-01').toISOString()).toBe('2026-03-31T15:00:00.000Z')
    expect(() => tokyoDayStart('2026-02-30')).toThrow(RangeError)
  })

  it('validates and steps calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2026-4-1')).toBe(false)
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('reads an instant as Tokyo wall-clock time and writes it with its zone', () => {
    const instant = Date.parse('2026-04-01T01:30:00Z')
    expect(tokyoWallClock(instant)).toEqual({ date: '2026-04-01', weekday: 3, minuteOfDay: 630 })
    expect(formatTokyoIso(instant)).toBe('2026-04-01T10:30:00+09:00')
  })
})

describe('dates as the terms write them', () => {
  it('writes the Japanese era, with 元年 for an era’s first year', () => {
    expect(formatEraDate('2023-04-01')).toBe('令和5年4月1日')
    expect(formatEraDate('2019-05-01')).toBe('令和元年5月1日')
    expect(formatEraDay('2023-04-01', 'ja')).toBe('令和5年4月1日')
    expect(formatEraDay('2023-04-01', 'en')).toContain('2023')
  })
})

describe('instants as the admin shows them', () => {
  it('writes Tokyo wall-clock time with JST, across the Tokyo date line', () => {
    expect(formatTokyoDateTime('2026-03-04T15:30:00.000Z')).toBe('2026/03/05 00:30 JST')
    expect(formatTokyoDateTime(new Date('2026-12-31T14:59:00Z'))).toBe('2026/12/31 23:59 JST')
    expect(formatTokyoDateTime(Date.parse('2026-04-01T01:30:00Z'))).toBe('2026/04/01 10:30 JST')
  })

  it('refuses an unparseable instant rather than printing NaN', () => {
    expect(() => formatTokyoDateTime('not a date')).toThrow(RangeError)
  })
})
