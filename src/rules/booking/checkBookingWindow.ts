import { violation } from './messages'
import { addDays, tokyoDateOf } from '../../lib/tokyoTime'
import type { BookingPolicy, RuleViolation } from './types'

/**
 * The last JST date that may be booked on `now`'s JST date: today + bookingWindowDays.
 * Counted in calendar days, not hours, so a whole day opens at 00:00 JST
 * (with 30 days, on 2026-11-01 every slot up to and including 2026-12-01 is open).
 */
export function lastBookableDate(
  policy: Pick<BookingPolicy, 'bookingWindowDays'>,
  now: Date,
): string {
  return addDays(tokyoDateOf(now), policy.bookingWindowDays)
}

/** booking_window when the slot's JST date is after lastBookableDate. */
export function checkBookingWindow(
  policy: BookingPolicy,
  slotStart: Date,
  now: Date,
): RuleViolation | null {
  const lastDate = lastBookableDate(policy, now)
  if (tokyoDateOf(slotStart) <= lastDate) return null
  return violation('booking_window', {
    message: `ご予約は${policy.bookingWindowDays}日先までの日付で受け付けています。`,
  })
}
