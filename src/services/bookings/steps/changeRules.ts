import { checkApplicantFields } from '../../../rules/booking/checkApplicantFields'
import { findChannelPolicy } from '../../../rules/booking/checkChannelOffered'
import { checkMeetingUrl } from '../../../rules/booking/checkMeetingUrl'
import { checkTool } from '../../../rules/booking/checkTool'
import { evaluateNewBooking } from '../../../rules/booking/evaluateNewBooking'
import { violation } from '../../../rules/booking/messages'
import { normaliseApplicant } from '../../../rules/booking/normaliseApplicant'
import type {
  ApplicantInput,
  EligibilityAnswers,
  RuleViolation,
  Tool,
} from '../../../rules/booking/types'
import type { BookingData } from '../bookingData'
import { holdsSeat } from '../seats'
import { applicantChanged, storedApplicant } from './applicant'
import type { BookingChangeFacts } from './changeInput'
import { refuseChange } from './refusal'
import { resolveTool } from './tool'

/**
 * The rules of an update that need no database, except the status change (statusChange): the
 * meeting URL, applicant details corrected by staff (same formats as at booking, normalised
 * again into `next`), and for a move every new-booking rule at the new slot. A move with
 * violations is refused here; otherwise the violations found are returned.
 */
export function checkChangeRules(
  data: BookingData,
  original: BookingData,
  change: BookingChangeFacts,
  next: Record<string, unknown>,
): { violations: RuleViolation[]; tool?: Tool } {
  const { policy, channel, from, to, slotStart, now } = change
  const violations: RuleViolation[] = []
  const badUrl = checkMeetingUrl(data.meetingUrl)
  if (badUrl) violations.push(badUrl)

  const applicantInput = (data.applicant ?? original.applicant ?? {}) as ApplicantInput
  const channelPolicy = policy ? findChannelPolicy(policy, channel) : undefined
  if (applicantChanged(data.applicant, original.applicant)) {
    violations.push(
      ...checkApplicantFields(channelPolicy ?? { requiredFields: [] }, applicantInput),
    )
    next.applicant = storedApplicant(normaliseApplicant(applicantInput))
  }

  if (change.moved) {
    if (!holdsSeat(from) || !holdsSeat(to))
      refuseChange(violation('invalid_transition', { field: 'slotStart' }))
    if (!policy || change.officeId === null) refuseChange(violation('outside_hours'))
    const { tool, missing } = resolveTool(policy, channel, data.tool ?? original.tool)
    violations.push(
      ...evaluateNewBooking({
        policy,
        channel,
        slotStart,
        now,
        applicant: applicantInput,
        eligibility: (original.eligibility ?? {}) as EligibilityAnswers,
        tool,
      }),
    )
    if (missing) violations.push(violation('missing_field', { field: 'tool' }))
    if (violations.length > 0) refuseChange(violations)
    return { violations, tool }
  }
  if (data.tool !== undefined && data.tool !== original.tool && data.tool !== null && policy) {
    const badTool = checkTool(policy, channel, data.tool as Tool)
    if (badTool) violations.push(badTool)
  }
  return { violations }
}
