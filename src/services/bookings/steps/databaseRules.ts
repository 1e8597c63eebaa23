import type { PayloadRequest } from 'payload'

import type { Applicant, ReservationPolicy } from '../../../rules/booking/types'
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
    policy: ReservationPolicy
    now: Date
  },
): Promise<void> {
  const { payload } = req
  const { officeId, keys, applicant, policy, now } = booking
  const refusal = await checkApplicantStanding(payload, officeId, keys)
  if (refusal) refuseNewBooking(refusal)
  // Applicants only: staff booking on someone's behalf are not held to it.
  if (!req.user) {
    const tooMany = await checkOpenBookingLimit(payload, officeId, keys, applicant, policy, now)
    if (tooMany) refuseNewBooking(tooMany)
  }
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
