import { allowedCancellationMethods } from './checkCancellationMethod'
import type { Channel, ContactMethod, BookingPolicy } from './types'

/**
 * A cancellation that reached staff by phone or mail is always recorded: the applicant made
 * contact, so it is never a no-show (the seeds penalise only 「連絡がないまま」). Whether the terms
 * offer that method is kept with the booking, so the record says when it came another way.
 */
export function staffCancellationOffered(
  policy: BookingPolicy | null,
  channel: Channel,
  method: ContactMethod,
  now: Date,
  slotStart: Date,
): boolean {
  if (!policy) return false
  return allowedCancellationMethods(policy, channel, now, slotStart).includes(method)
}
