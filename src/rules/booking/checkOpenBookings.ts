import { violation } from './messages'
import type { BookingPolicy, RuleViolation } from './types'

/**
 * A pending booking holds a seat until it expires, so one person could otherwise hold every
 * slot; three open bookings at an office cover a consultation series without allowing that.
 */
export const DEFAULT_MAX_OPEN_BOOKINGS = 3

/** too_many_open_bookings when the applicant already holds the most open bookings allowed. */
export function checkOpenBookings(
  openBookings: number,
  policy: Pick<BookingPolicy, 'maxOpenBookingsPerApplicant'>,
): RuleViolation | null {
  const limit = policy.maxOpenBookingsPerApplicant ?? DEFAULT_MAX_OPEN_BOOKINGS
  return openBookings >= limit ? violation('too_many_open_bookings') : null
}

/**
 * The limit binds applicants booking for themselves. Staff booking on someone's behalf (by phone
 * or at the counter) are not held to it: the office decides what one person may hold.
 */
export function openBookingLimitApplies(booking: { byStaff: boolean }): boolean {
  return !booking.byStaff
}
