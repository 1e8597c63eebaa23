import type { PayloadRequest } from 'payload'

import { checkMeetingUrl } from '../../../rules/booking/checkMeetingUrl'
import { checkInitialStatus } from '../../../rules/booking/checkStatusTransition'
import { evaluateNewBooking } from '../../../rules/booking/evaluateNewBooking'
import { violation } from '../../../rules/booking/messages'
import { applyStaffOverrides } from '../../../rules/booking/staffOverrides'
import type {
  ApplicantInput,
  Channel,
  EligibilityAnswers,
  BookingPolicy,
  Tool,
} from '../../../rules/booking/types'
import type { BookingData } from '../bookingData'
import { refuseNewBooking } from './refusal'
import { resolveTool } from './tool'

export interface NewBookingDecision {
  tool?: Tool
  /** The reason staff gave for overriding a 原則として rule, kept in the status history. */
  staffReason: string | null
}

/**
 * Every rule of a new booking that needs no database, all violations at once: the slot and the
 * form (rules/booking/evaluateNewBooking), less what staff may override with a reason, the tool,
 * the meeting URL and the initial status.
 */
export function checkNewBookingRules(
  data: BookingData,
  req: PayloadRequest,
  booking: { policy: BookingPolicy; channel: Channel; slotStart: Date; now: Date },
): NewBookingDecision {
  const { policy, channel, slotStart, now } = booking
  const eligibility = (data.eligibility ?? {}) as EligibilityAnswers
  const { tool, missing: toolMissing } = resolveTool(policy, channel, data.tool)
  const evaluated = evaluateNewBooking({
    policy,
    channel,
    slotStart,
    now,
    applicant: (data.applicant ?? {}) as ApplicantInput,
    eligibility: typeof eligibility === 'object' && !Array.isArray(eligibility) ? eligibility : {},
    tool,
  })
  // 原則として rules yield to staff who give a reason (statusReason, kept in the history).
  const staffReason =
    req.user && typeof data.statusReason === 'string' && data.statusReason.trim() !== ''
      ? data.statusReason.trim()
      : null
  const { remaining: violations } = applyStaffOverrides(
    evaluated,
    policy,
    channel,
    staffReason,
    slotStart,
    now,
  )
  if (toolMissing) {
    violations.push(
      violation('missing_field', {
        field: 'tool',
        message: '使用する通信アプリを選択してください。',
      }),
    )
  }
  const badUrl = checkMeetingUrl(data.meetingUrl)
  if (badUrl) violations.push(badUrl)
  // The status field defaults to 'confirmed'; any other status asked for must be the initial one.
  if (data.status !== undefined && data.status !== 'confirmed') {
    const badStatus = checkInitialStatus(channel, data.status)
    if (badStatus) violations.push(badStatus)
  }
  if (violations.length > 0) refuseNewBooking(violations)
  return { tool, staffReason }
}
