import { MINUTE_MS } from '../../lib/tokyoTime'
import type { BookingStatus, BookingPolicy } from './types'

/** The instant a still-confirmed booking counts as a no-show: slot start + grace minutes. */
export function noShowAt(slotStart: Date, policy: Pick<BookingPolicy, 'noShowGraceMinutes'>): Date {
  return new Date(slotStart.getTime() + policy.noShowGraceMinutes * MINUTE_MS)
}

/**
 * True once the grace period has fully passed (at slot start + grace, inclusive) for a booking
 * still `confirmed`: one attended is `completed` and one called off is `cancelled`, so a
 * confirmed booking at that point was neither attended nor cancelled.
 */
export function shouldMarkNoShow(
  booking: { status: BookingStatus; slotStart: Date },
  policy: Pick<BookingPolicy, 'noShowGraceMinutes'>,
  now: Date,
): boolean {
  return (
    booking.status === 'confirmed' && now.getTime() >= noShowAt(booking.slotStart, policy).getTime()
  )
}
