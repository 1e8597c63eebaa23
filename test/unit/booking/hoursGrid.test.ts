import { describe, expect, it } from 'vitest'

import { mondayOnOrAfter, sampleWeekSlots } from '../../../src/rules/booking/sampleWeek'
import { validateWeeklyWindows } from '../../../src/rules/booking/validatePolicy'

describe('sample week for the hours grid', () => {
  it('lists the slots of each weekday and skips holidays and closures', () => {
    // 2026-11-23 is a Monday and 勤労感謝の日.
    const week = sampleWeekSlots(
      {
        windows: [
          { weekday: 1, start: '10:00', end: '11:00' },
          { weekday: 2, start: '10:00', end: '11:00' },
          { weekday: 3, start: '13:00', end: '14:30' },
          { weekday: 4, start: '10:00', end: '11:00' },
        ],
        sessionMinutes: 30,
        closures: ['2026-11-26'],
      },
      '2026-11-23',
    )
    expect(week.map((day) => [day.date, day.closed, day.starts])).toEqual([
      ['2026-11-23', 'national-holiday', []],
      ['2026-11-24', null, ['10:00', '10:30']],
      ['2026-11-25', null, ['13:00', '13:30', '14:00']],
      ['2026-11-26', 'office-closure', []],
      ['2026-11-27', null, []],
      ['2026-11-28', null, []],
      ['2026-11-29', null, []],
    ])
  })

  it('finds the Monday on or after a date', () => {
    expect(mondayOnOrAfter('2026-11-23')).toBe('2026-11-23')
    expect(mondayOnOrAfter('2026-11-24')).toBe('2026-11-30')
    expect(mondayOnOrAfter('2026-11-29')).toBe('2026-11-30')
  })
})

describe('weekly window errors', () => {
  it('reports out-of-order and overlapping windows with their paths, all at once', () => {
    const errors = validateWeeklyWindows({
      windows: [
        { weekday: 1, start: '10:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
        { weekday: 2, start: '15:00', end: '14:00' },
      ],
      sessionMinutes: 30,
    })
    expect(errors.map((error) => error.path)).toEqual(['windows.2.end', 'windows.1.start'])
  })

  it('accepts touching windows', () => {
    expect(
      validateWeeklyWindows({
        windows: [
          { weekday: 1, start: '10:00', end: '12:00' },
          { weekday: 1, start: '12:00', end: '13:00' },
        ],
        sessionMinutes: 30,
      }),
    ).toEqual([])
  })
})
