// The browser's zone for this file: Los Angeles, where a Tokyo day starts the day before.
process.env.TZ = 'America/Los_Angeles'

import { describe, expect, it } from 'vitest'

import { pickerDateOf, storedValueOf } from '../../../src/admin/fields/tokyoPickerDates'

describe('the date picker in Tokyo time for a browser in Los Angeles', () => {
  it('runs in Los Angeles', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/Los_Angeles')
  })

  it('shows a stored instant at its Tokyo wall clock and stores the picked wall clock as Tokyo time', () => {
    const shown = pickerDateOf('2026-03-05T01:00:00.000Z', 'dayAndTime')
    expect([shown.getFullYear(), shown.getMonth() + 1, shown.getDate(), shown.getHours()]).toEqual([
      2026, 3, 5, 10,
    ])
    expect(storedValueOf(new Date(2026, 2, 5, 11, 30), 'dayAndTime')).toBe(
      '2026-03-05T02:30:00.000Z',
    )
  })

  it('keeps a day-only value on its Tokyo day both ways', () => {
    // 00:00 on 5 March in Tokyo is still 4 March in Los Angeles.
    const shown = pickerDateOf('2026-03-04T15:00:00.000Z', 'dayOnly')
    expect([shown.getFullYear(), shown.getMonth() + 1, shown.getDate()]).toEqual([2026, 3, 5])
    // Payload's picker hands a picked day over at 12:00 UTC of that day.
    const picked = new Date(2026, 2, 5)
    picked.setHours(12 - picked.getTimezoneOffset() / 60, 0)
    expect(storedValueOf(picked, 'dayOnly')).toBe('2026-03-04T15:00:00.000Z')
    expect(storedValueOf(picked, undefined)).toBe('2026-03-04T15:00:00.000Z')
  })
})
