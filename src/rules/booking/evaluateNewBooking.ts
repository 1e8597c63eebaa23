import { checkApplicantFields } from './checkApplicantFields'
import { checkBookingWindow } from './checkBookingWindow'
import { checkChannelOffered, findChannelPolicy } from './checkChannelOffered'
import { checkClosedDay } from './checkClosedDay'
import { checkEligibility } from './checkEligibility'
import { checkLeadTime } from './checkLeadTime'
import { checkSlotInWindow } from './checkSlotInWindow'
import { checkTool } from './checkTool'
import { violation } from './messages'
import type {
  ApplicantInput,
  Channel,
  EligibilityAnswers,
  BookingPolicy,
  RuleViolation,
  Tool,
} from './types'

export interface NewBooking {
  /** The policy in force at slotStart (see policyInForce). */
  policy: BookingPolicy
  channel: Channel
  slotStart: Date
  now: Date
  applicant: ApplicantInput
  eligibility?: EligibilityAnswers
  /** Checked against the channel's tools when given. */
  tool?: Tool
}

/**
 * Every rule a new booking must pass that needs no database: slot in hours and aligned, not a
 * closed day, lead time, booking window, channel offered, tool, eligibility, applicant fields.
 * Capacity, consent and refusal are left to the caller (checkCapacity, checkApplicantAccepted).
 * An empty list means the booking may be written.
 */
export function evaluateNewBooking(booking: NewBooking): RuleViolation[] {
  const { policy, channel, slotStart, now } = booking
  if (!(slotStart instanceof Date) || Number.isNaN(slotStart.getTime())) {
    return [
      violation('invalid_field', { field: 'slotStart', message: '予約日時が正しくありません。' }),
    ]
  }
  const violations: (RuleViolation | null)[] = [
    checkSlotInWindow(policy, slotStart),
    checkClosedDay(policy, slotStart),
    checkLeadTime(policy, slotStart, now),
    checkBookingWindow(policy, slotStart, now),
    checkChannelOffered(policy, channel),
  ]
  const channelPolicy = findChannelPolicy(policy, channel)
  if (channelPolicy && booking.tool !== undefined) {
    violations.push(checkTool(policy, channel, booking.tool))
  }
  violations.push(...checkEligibility(policy, booking.eligibility))
  if (channelPolicy)
    violations.push(...checkApplicantFields(channelPolicy, booking.applicant ?? {}))
  return violations.filter((found): found is RuleViolation => found !== null)
}
