import type { PayloadRequest } from 'payload'

import { initialStatus } from '../../../rules/booking/checkStatusTransition'
import { confirmDeadline } from '../../../rules/booking/confirmDeadline'
import { affirmedStatements } from '../../../rules/booking/consentRecord'
import { MINUTE_MS } from '../../../lib/tokyoTime'
import type { Applicant, Channel, BookingPolicy, Tool } from '../../../rules/booking/types'
import { historyRow, type BookingData } from '../bookingData'
import { actorOf, bookingContext } from '../context'
import { newReference } from '../ids'
import type { resolveConsent } from './consent'
import { storedApplicant } from './applicant'

export interface AcceptedBooking {
  officeId: number | string
  slotStart: Date
  channel: Channel
  policy: BookingPolicy
  tool?: Tool
  /** Normalised (normaliseApplicant). */
  applicant: Applicant
  /** The applicant's pseudonymous keys (applicantKeys), newest first. */
  keys: readonly string[]
  consent: ReturnType<typeof resolveConsent>
  seatLock: string
  staffReason: string | null
  now: Date
}

/**
 * The data to write for a booking that passed every rule: the caller's data with every system
 * field set here, the initial status and its first history row.
 */
export function newBookingRecord(
  data: BookingData,
  req: PayloadRequest,
  booking: AcceptedBooking,
): BookingData {
  const {
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
  } = booking
  const context = bookingContext(req.context)
  const status = initialStatus(channel)
  const actor = actorOf(req)
  return {
    ...data,
    office: officeId,
    reference: newReference(),
    slotStart: slotStart.toISOString(),
    slotEnd: new Date(slotStart.getTime() + policy.sessionMinutes * MINUTE_MS).toISOString(),
    channel,
    tool: tool ?? null,
    status,
    meetingUrl:
      typeof data.meetingUrl === 'string' && data.meetingUrl !== '' ? data.meetingUrl : null,
    applicant: storedApplicant(applicant),
    applicantKey: keys[0] ?? null,
    // What the applicant affirmed: every statement of the policy in force (checked above), and
    // its wording, which the policy may change later.
    eligibility: Object.fromEntries(policy.eligibility.map((statement) => [statement.id, true])),
    eligibilityAffirmed: affirmedStatements(policy.eligibility),
    consent,
    confirmBy:
      status === 'pending_confirmation'
        ? confirmDeadline(now, policy, slotStart).toISOString()
        : null,
    statusHistory: [
      historyRow({
        from: null,
        to: status,
        at: now,
        actor,
        via: req.user ? 'admin' : null,
        reason: context.reason ?? staffReason ?? undefined,
      }),
    ],
    cancelVia: null,
    cancelMethodOffered: null,
    statusReason: null,
    seatLock,
    confirmTokenHash: status === 'pending_confirmation' ? (context.confirmTokenHash ?? null) : null,
    cancelTokenHash: null,
    tokensExpireAt: slotStart.toISOString(),
    revision: 0,
  }
}
