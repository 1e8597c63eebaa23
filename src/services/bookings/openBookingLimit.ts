import type { Payload, Where } from 'payload'

import { checkOpenBookings } from '../../rules/booking/checkOpenBookings'
import type { Applicant, BookingPolicy, RuleViolation } from '../../rules/booking/types'

/** A booking that still holds or will hold a seat. */
const OPEN_STATUSES = ['pending_confirmation', 'confirmed']

/**
 * too_many_open_bookings when the applicant, found by any of their keys (求職番号 or e-mail) or by
 * their e-mail address as stored, already holds the policy's number of open bookings at the
 * office whose slot has not begun. Counted in the database, so it holds across processes; two
 * requests at the same instant may both pass, by one booking at most each.
 */
export async function checkOpenBookingLimit(
  payload: Payload,
  officeId: number | string,
  keys: readonly string[],
  applicant: Applicant,
  policy: Pick<BookingPolicy, 'maxOpenBookingsPerApplicant'>,
  now: Date,
): Promise<RuleViolation | null> {
  const who: Where[] = []
  if (keys.length > 0) who.push({ applicantKey: { in: [...keys] } })
  if (applicant.email) who.push({ 'applicant.email': { equals: applicant.email } })
  if (who.length === 0) return null
  const { totalDocs } = await payload.db.count({
    collection: 'bookings',
    where: {
      and: [
        { office: { equals: officeId } },
        { status: { in: OPEN_STATUSES } },
        { slotStart: { greater_than: now.toISOString() } },
        { or: who },
      ],
    },
  })
  return checkOpenBookings(totalDocs, policy)
}
