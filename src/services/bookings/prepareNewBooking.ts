import type { PayloadRequest } from 'payload'

import { normaliseApplicant } from '../../rules/booking/normaliseApplicant'
import type { ApplicantInput } from '../../rules/booking/types'
import { applicantKeys } from './applicantKey'
import type { BookingData } from './bookingData'
import { bookingContext, nowOf } from './context'
import { claimSeat } from './seats'
import { resolveConsent } from './steps/consent'
import { refuseUnacceptedApplicant, checkNewBookingAgainstDatabase } from './steps/databaseRules'
import { governanceFor } from './steps/governance'
import { readNewBooking } from './steps/newBookingInput'
import { policyForNewBooking } from './steps/newBookingPolicy'
import { checkNewBookingRules } from './steps/newBookingRules'
import { newBookingRecord } from './steps/newBookingRecord'
import { editionInForceAt } from './termsInForce'

/**
 * Everything a new booking must pass, in the order an applicant can act on: the slot and the form
 * (all violations at once), consent, the open-bookings limit, a seat, then acceptance. Returns the data to write, with
 * normalised applicant details and every system field set here rather than taken from the caller.
 *
 * Where a new rule goes: one that needs no database in src/rules/booking, run by
 * evaluateNewBooking (steps/newBookingRules); one that needs the database in
 * steps/databaseRules (checkNewBookingAgainstDatabase), which runs before the seat is claimed.
 */
export async function prepareNewBooking(
  data: BookingData,
  req: PayloadRequest,
): Promise<BookingData> {
  const context = bookingContext(req.context)
  const now = nowOf(req)

  const { officeId, slotStart, channel } = readNewBooking(data, req)
  const { records, editions } = await governanceFor(req, officeId)
  const { policy } = policyForNewBooking(records, {
    slotStart,
    channel,
    now,
    termsAgreed: context.termsAgreed,
  })
  const { tool, staffReason } = checkNewBookingRules(data, req, { policy, channel, slotStart, now })

  const applicant = normaliseApplicant((data.applicant ?? {}) as ApplicantInput)
  const consent = resolveConsent(
    channel,
    data.consent as { termsEdition?: unknown; shownVia?: unknown } | undefined,
    { inForceNow: editionInForceAt(editions, now), atSlot: editionInForceAt(editions, slotStart) },
    Boolean(req.user),
    now,
  )
  const keys = applicantKeys(officeId, applicant)
  await checkNewBookingAgainstDatabase(req, { officeId, applicant, keys, policy, now })

  const seatLock = await claimSeat({
    payload: req.payload,
    officeId,
    slotStart,
    capacity: policy.capacityPerSlot,
    now,
  })
  await refuseUnacceptedApplicant(req, { officeId, keys })

  return newBookingRecord(data, req, {
    officeId,
    slotStart,
    channel,
    policy,
    tool,
    applicant,
    keys,
    consent,
    seatLock,
    staffReason,
    now,
  })
}
