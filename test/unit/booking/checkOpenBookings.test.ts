import { describe, expect, it } from 'vitest'

import {
  checkOpenBookings,
  openBookingLimitApplies,
  DEFAULT_MAX_OPEN_BOOKINGS,
} from '../../../src/rules/booking/checkOpenBookings'

describe('checkOpenBookings', () => {
  it('allows up to the policy limit, then refuses with too_many_open_bookings', () => {
    expect(checkOpenBookings(1, { maxOpenBookingsPerApplicant: 2 })).toBeNull()
    expect(checkOpenBookings(2, { maxOpenBookingsPerApplicant: 2 })?.code).toBe(
      'too_many_open_bookings',
    )
  })

  it('falls back to the default when the policy has none', () => {
    expect(checkOpenBookings(DEFAULT_MAX_OPEN_BOOKINGS - 1, {})).toBeNull()
    expect(checkOpenBookings(DEFAULT_MAX_OPEN_BOOKINGS, {})?.code).toBe('too_many_open_bookings')
  })
})

describe('openBookingLimitApplies', () => {
  it('binds applicants booking for themselves, not staff booking for them', () => {
    expect(openBookingLimitApplies({ byStaff: false })).toBe(true)
    expect(openBookingLimitApplies({ byStaff: true })).toBe(false)
  })
})
