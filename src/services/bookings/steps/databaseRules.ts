import type { PayloadRequest } from 'payload'

import type { Applicant, BookingPolicy } from '../../../rules/booking/types'
import { openBookingLimitApplies } from '../../../rules/booking/checkOpenBookings'
import { checkOpenBookingLimit } from '../openBookingLimit'
import { checkApplicantStanding } from '../standings'
import type { BookingChangeFacts } from './changeInput'
import { refuseNewBooking } from './refusal'

/**
 * The rules of a new booking that read the database, after every rule that does not (so an
 * applicant first hears what they can correct) and before the seat is claimed. A new rule that
 * needs the database goes here (its pure part in src/rules/booking), and, if it also binds
 * changes, in checkChangeAgainstDatabase.
 */
export async function checkNewBookingAgainstDatabase(
  req: PayloadRequest,
  booking: {
    officeId: number | string
    applicant: Applicant
    /** The applicant's pseudonymous keys (applicantKeys), newest first. */
    keys: readonly string[]
    policy: BookingPolicy
    now: Date
  },
): Promise<void> {
  const { payload } = req
  const { officeId, keys, applicant, policy, now } = booking
  if (openBookingLimitApplies({ byStaff: Boolean(req.user) })) {
    const tooMany = await checkOpenBookingLimit(payload, officeId, keys, applicant, policy, now)
    if (tooMany) refuseNewBooking(tooMany)
  }
}

/**
 * Whether the office accepts this applicant, checked last of all, after the seat: the public paths
 * answer a refusal as if accepted (issue 10, item 12), so every answer an accepted applicant could
 * get (slot_full, too many open bookings) must come first, or a stranger could tell them apart.
 */
export async function refuseUnacceptedApplicant(
  req: PayloadRequest,
  booking: { officeId: number | string; keys: readonly string[] },
): Promise<void> {
  const refusal = await checkApplicantStanding(req.payload, booking.officeId, booking.keys)
  if (refusal) refuseNewBooking(refusal)
}

/**
 * The rules of a change (move, status, details) that read the database, after every rule that
 * does not and before the seat and revision are claimed. None yet: the seat (claimSeat) and the
 * revision (claimBookingRevision) are claims, not checks. A new rule that needs the database and
 * binds changes goes here, refusing with refuseChange.
 */
export async function checkChangeAgainstDatabase(
  _req: PayloadRequest,
  _change: BookingChangeFacts,
): Promise<void> {}
