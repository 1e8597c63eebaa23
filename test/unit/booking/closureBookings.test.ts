import { describe, expect, it } from 'vitest'

import {
  addedClosureDates,
  checkClosureBookings,
} from '../../../src/rules/booking/checkClosureBookings'

describe('closing a day that has bookings', () => {
  it('finds the days a change newly closes', () => {
    expect(addedClosureDates(['2027-01-05'], ['2027-01-07', '2027-01-05', '2027-01-06'])).toEqual([
      '2027-01-06',
      '2027-01-07',
    ])
    expect(addedClosureDates(['2027-01-05'], [])).toEqual([])
  })

  it('asks what becomes of the bookings, naming the days and how many', () => {
    const found = checkClosureBookings({
      bookingsByDate: { '2027-01-07': 2, '2027-01-06': 1, '2027-01-08': 0 },
      decision: undefined,
    })
    expect(found).toMatchObject({
      code: 'closure_has_bookings',
      bookings: 3,
      dates: ['2027-01-06', '2027-01-07'],
    })
    expect(found!.message).toContain('2027-01-06、2027-01-07')
    expect(found!.message).toContain('3件')
  })

  it('lets the day close once the office has decided, or when it has no bookings', () => {
    expect(checkClosureBookings({ bookingsByDate: { '2027-01-07': 2 }, decision: 'keep' })).toBe(
      null,
    )
    expect(checkClosureBookings({ bookingsByDate: { '2027-01-07': 2 }, decision: 'cancel' })).toBe(
      null,
    )
    expect(checkClosureBookings({ bookingsByDate: { '2027-01-07': 0 }, decision: undefined })).toBe(
      null,
    )
  })
})
