import { describe, expect, it } from 'vitest'

import { closureCalendar } from '../../../src/rules/booking/closureCalendar'

describe('closure calendar', () => {
  it('marks national holidays by name, the year end and office closures with their reason', () => {
    const [december, january] = closureCalendar('2026-12-15', 2, [
      { date: '2026-12-24', reason: '設備点検' },
    ])
    expect(december!.month).toBe('2026-12')
    expect(december!.days).toHaveLength(31)
    expect(december!.days[0]).toMatchObject({ date: '2026-12-01', weekday: 2, closed: null })
    expect(december!.days[23]).toMatchObject({
      date: '2026-12-24',
      closed: 'office-closure',
      closureReason: '設備点検',
    })
    expect(december!.days[28]).toMatchObject({ date: '2026-12-29', closed: 'year-end' })
    expect(january!.days[0]).toMatchObject({
      date: '2027-01-01',
      closed: 'year-end',
      holiday: { ja: '元日' },
    })
    const comingOfAge = january!.days.find((day) => day.holiday?.ja === '成人の日')
    expect(comingOfAge).toMatchObject({ date: '2027-01-11', closed: 'national-holiday' })
  })

  it('gives twelve months from the current one', () => {
    const months = closureCalendar('2026-11-29', 12, [])
    expect(months.map((month) => month.month)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
    ])
  })
})
