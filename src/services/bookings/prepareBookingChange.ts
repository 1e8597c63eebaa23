import type { PayloadRequest } from 'payload'

import { APPLICANT_FIELD_NAMES } from '../../rules/booking/applicantFields'
import { cancellationMethod } from '../../rules/booking/cancellationMethod'
import { checkApplicantFields } from '../../rules/booking/checkApplicantFields'
import { checkCancellationMethod } from '../../rules/booking/checkCancellationMethod'
import {
  checkNoShowCorrection,
  isNoShowCorrection,
} from '../../rules/booking/checkNoShowCorrection'
import { findChannelPolicy } from '../../rules/booking/checkChannelOffered'
import { checkMeetingUrl } from '../../rules/booking/checkMeetingUrl'
import { checkStatusTransition } from '../../rules/booking/checkStatusTransition'
import { checkTool } from '../../rules/booking/checkTool'
import {
  checkTransitionTiming,
  type TransitionTiming,
} from '../../rules/booking/checkTransitionTiming'
import { confirmDeadline } from '../../rules/booking/confirmDeadline'
import { evaluateNewBooking } from '../../rules/booking/evaluateNewBooking'
import { violation } from '../../rules/booking/messages'
import { normaliseApplicant } from '../../rules/booking/normaliseApplicant'
import { staffCancellationOffered } from '../../rules/booking/staffCancellation'
import { MINUTE_MS } from '../../rules/booking/tokyo'
import type {
  ApplicantInput,
  BookingStatus,
  Channel,
  EligibilityAnswers,
  RuleViolation,
  Tool,
} from '../../rules/booking/types'
import { policiesForOffice, policyRecordInForce } from '../policies/policiesForOffice'
import {
  historyRow,
  invalidSlotStart,
  isBookingStatus,
  parseInstant,
  type BookingData,
  type StatusHistoryRow,
} from './bookingData'
import { actorOf, bookingContext, nowOf } from './context'
import { BookingRuleError, InvalidTokenError } from './errors'
import { idOf, sameId } from './ids'
import { resolveTool, storedApplicant } from './prepareNewBooking'
import { claimSeat, holdsSeat, releasedSeatLock } from './seats'
import { claimBookingRevision } from './revisionClaims'

/** Fields only these hooks write. Whatever a client sends for them on update is ignored. */
const SYSTEM_FIELDS = [
  'office',
  'reference',
  'channel',
  'slotEnd',
  'applicantKey',
  'eligibility',
  'eligibilityAffirmed',
  'consent',
  'confirmBy',
  'statusHistory',
  'cancelVia',
  'cancelMethodOffered',
  'seatLock',
  'confirmTokenHash',
  'cancelTokenHash',
  'tokensExpireAt',
  'revision',
  'applicantErasedAt',
] as const

function fail(violations: RuleViolation | RuleViolation[]): never {
  throw new BookingRuleError(Array.isArray(violations) ? violations : [violations])
}

/**
 * Whether an update edits the applicant's details. Payload hands every update the stored group
 * when the client sent none, so only a real difference counts: confirming or cancelling must not
 * re-check details against a policy that has changed since the booking was made.
 */
function applicantChanged(given: unknown, stored: unknown): boolean {
  if (given === undefined) return false
  const before = (stored ?? {}) as Record<string, unknown>
  const after = (given ?? {}) as Record<string, unknown>
  return APPLICANT_FIELD_NAMES.some((field) => (after[field] ?? null) !== (before[field] ?? null))
}

async function claimNextRevision(original: BookingData, req: PayloadRequest): Promise<number> {
  const context = bookingContext(req.context)
  const revision = typeof original.revision === 'number' ? original.revision : 0
  const claimed = await claimBookingRevision(req.payload, req.context, {
    id: original.id as number,
    reference: String(original.reference ?? original.id),
    revision,
  })
  if (!claimed) {
    // The link or job found the booking as it expected, but another write got there first.
    if (context.expectStatus !== undefined || context.via === 'link') throw new InvalidTokenError()
    fail(violation('booking_changed'))
  }
  return revision + 1
}

/**
 * The applicant's details, answers and keys blanked, and the time of it; the rest stays as
 * stored. Trusted code only: REST and the admin cannot set the context.
 */
async function erasedApplicant(
  data: BookingData,
  original: BookingData,
  req: PayloadRequest,
  now: Date,
): Promise<BookingData> {
  const next: Record<string, unknown> = { ...data }
  for (const field of SYSTEM_FIELDS) next[field] = original[field]
  return {
    ...next,
    applicant: Object.fromEntries(APPLICANT_FIELD_NAMES.map((field) => [field, null])),
    applicantKey: null,
    eligibility: null,
    statusReason: null,
    applicantErasedAt: now.toISOString(),
    revision: await claimNextRevision(original, req),
  } as BookingData
}

/**
 * An update of an existing booking. Moving it (slotStart) re-runs the new-booking rules for the
 * new slot and claims a seat there; a status change must be a legal transition at a legal time,
 * a cancellation must come by a method the policy allows, and every status change is appended
 * to the history. Leaving an active status frees the seat and retires the link tokens.
 */
export async function prepareBookingChange(
  data: BookingData,
  originalDoc: BookingData,
  req: PayloadRequest,
): Promise<BookingData> {
  const { payload } = req
  const context = bookingContext(req.context)
  const now = nowOf(req)
  const original = originalDoc

  // Guards for the link and job paths: the booking must still be as the caller found it.
  if (context.expectStatus !== undefined && original.status !== context.expectStatus) {
    throw new InvalidTokenError()
  }
  if (
    context.expectConfirmTokenHash !== undefined &&
    original.confirmTokenHash !== context.expectConfirmTokenHash
  ) {
    throw new InvalidTokenError()
  }
  if (
    context.expectCancelTokenHash !== undefined &&
    original.cancelTokenHash !== context.expectCancelTokenHash
  ) {
    throw new InvalidTokenError()
  }

  if (context.eraseApplicant === true) return erasedApplicant(data, original, req, now)

  if (data.office !== undefined && data.office !== null && !sameId(data.office, original.office)) {
    fail(violation('invalid_field', { field: 'office', message: '予約の事業所は変更できません。' }))
  }
  const next: Record<string, unknown> = { ...data }
  for (const field of SYSTEM_FIELDS) next[field] = original[field]

  const officeId = idOf(original.office)
  const channel = original.channel as Channel
  const from = original.status as BookingStatus
  const to = (data.status ?? from) as BookingStatus
  if (!isBookingStatus(to)) {
    fail(violation('invalid_field', { field: 'status', message: '状態の指定が正しくありません。' }))
  }
  const originalStart = parseInstant(original.slotStart) ?? new Date(String(original.slotStart))
  const slotStart = data.slotStart === undefined ? originalStart : parseInstant(data.slotStart)
  if (!slotStart) fail(invalidSlotStart())
  const moved = slotStart.getTime() !== originalStart.getTime()
  const records = officeId === null ? [] : await policiesForOffice(payload, officeId)
  const policy = policyRecordInForce(records, slotStart)?.policy ?? null

  const violations: RuleViolation[] = []
  const badUrl = checkMeetingUrl(data.meetingUrl)
  if (badUrl) violations.push(badUrl)

  // Applicant details corrected by staff: same formats as at booking, normalised again.
  const applicantInput = (data.applicant ?? original.applicant ?? {}) as ApplicantInput
  const channelPolicy = policy ? findChannelPolicy(policy, channel) : undefined
  if (applicantChanged(data.applicant, original.applicant)) {
    violations.push(
      ...checkApplicantFields(channelPolicy ?? { requiredFields: [] }, applicantInput),
    )
    next.applicant = storedApplicant(normaliseApplicant(applicantInput))
  }

  if (moved) {
    if (!holdsSeat(from) || !holdsSeat(to))
      fail(violation('invalid_transition', { field: 'slotStart' }))
    if (!policy || officeId === null) fail(violation('outside_hours'))
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
    if (violations.length > 0) fail(violations)
    next.seatLock = await claimSeat({
      payload,
      officeId,
      slotStart,
      capacity: policy.capacityPerSlot,
      now,
      excludeBookingId: original.id,
    })
    next.tool = tool ?? null
    next.slotStart = slotStart.toISOString()
    next.slotEnd = new Date(slotStart.getTime() + policy.sessionMinutes * MINUTE_MS).toISOString()
    next.tokensExpireAt = slotStart.toISOString()
    if (from === 'pending_confirmation' && original.createdAt) {
      next.confirmBy = confirmDeadline(
        new Date(original.createdAt),
        policy,
        slotStart,
      ).toISOString()
    }
  } else if (
    data.tool !== undefined &&
    data.tool !== original.tool &&
    data.tool !== null &&
    policy
  ) {
    const badTool = checkTool(policy, channel, data.tool as Tool)
    if (badTool) violations.push(badTool)
  }

  // What staff typed as the reason is history, not a stored field of its own.
  const reason =
    context.reason ??
    (typeof data.statusReason === 'string' && data.statusReason.trim() !== ''
      ? data.statusReason.trim()
      : undefined)
  next.statusReason = null

  if (to !== from) {
    const timing: TransitionTiming = {
      to,
      slotStart,
      confirmBy: original.confirmBy ? new Date(original.confirmBy) : null,
      policy,
      now,
    }
    const correction = from === 'no_show'
    const illegal = correction
      ? checkNoShowCorrection({ to, byStaff: req.user !== null && req.user !== undefined, reason })
      : (checkStatusTransition(from, to) ?? checkTransitionTiming(timing))
    if (illegal) fail(illegal)
    if (isNoShowCorrection(from, to)) req.context.auditAction = `no_show_corrected:${to}`
    let via: StatusHistoryRow['via'] = req.user ? 'admin' : (context.via ?? 'system')
    if (to === 'cancelled') {
      const method = cancellationMethod({
        byStaff: Boolean(req.user),
        via: context.via,
        requested: data.cancelVia,
      })
      if (method !== null && typeof method === 'object') fail(method)
      if (method !== null && req.user) {
        // Staff record the contact whatever its method; the booking says whether the terms offer it.
        next.cancelMethodOffered = staffCancellationOffered(policy, channel, method, now, slotStart)
        via = method
        next.cancelVia = method
      } else if (method !== null) {
        // A policy that no longer offers the booking's channel cannot say how to cancel it.
        const notAllowed =
          policy && channelPolicy
            ? checkCancellationMethod(policy, channel, method, now, slotStart)
            : null
        if (notAllowed)
          fail({
            ...notAllowed,
            field: notAllowed.field === 'cancelMethod' ? 'cancelVia' : notAllowed.field,
          })
        next.cancelMethodOffered = true
        via = method
        next.cancelVia = method
      }
    }
    if (violations.length > 0) fail(violations)
    next.statusHistory = [
      ...((original.statusHistory ?? []) as StatusHistoryRow[]),
      historyRow({ from, to, at: now, actor: actorOf(req), via, reason }),
    ]
    next.status = to
    if (to === 'confirmed') {
      next.confirmTokenHash = null
      next.cancelTokenHash = context.cancelTokenHash ?? original.cancelTokenHash ?? null
    }
    if (!holdsSeat(to)) {
      next.seatLock = releasedSeatLock(original.id)
      next.confirmTokenHash = null
      next.cancelTokenHash = null
    }
    if (typeof req.context.auditAction !== 'string') req.context.auditAction = to
  }
  if (violations.length > 0) fail(violations)
  next.revision = await claimNextRevision(original, req)
  return next as BookingData
}
