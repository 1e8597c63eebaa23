import type { PayloadRequest } from 'payload'

import { APPLICANT_FIELD_NAMES } from '../../rules/booking/applicantFields'
import { findChannelPolicy } from '../../rules/booking/checkChannelOffered'
import { checkMeetingUrl } from '../../rules/booking/checkMeetingUrl'
import { checkInitialStatus, initialStatus } from '../../rules/booking/checkStatusTransition'
import { fixedToolFor } from '../../rules/booking/checkTool'
import { confirmDeadline } from '../../rules/booking/confirmDeadline'
import {
  affirmedStatements,
  consentMethodFor,
  editionsForConsent,
  SHOWN_VIA,
  type ShownVia,
} from '../../rules/booking/consentRecord'
import { evaluateNewBooking } from '../../rules/booking/evaluateNewBooking'
import { violation } from '../../rules/booking/messages'
import { normaliseApplicant } from '../../rules/booking/normaliseApplicant'
import { applyStaffOverrides } from '../../rules/booking/staffOverrides'
import { MINUTE_MS } from '../../rules/booking/tokyo'
import type {
  Applicant,
  ApplicantField,
  ApplicantInput,
  Channel,
  EligibilityAnswers,
  ReservationPolicy,
  RuleViolation,
  Tool,
} from '../../rules/booking/types'
import { countedRefusal } from '../metrics/metrics'
import { policiesForOffice, policyRecordInForce } from '../policies/policiesForOffice'
import { applicantKeys } from './applicantKey'
import { checkOpenBookingLimit } from './openBookingLimit'
import {
  historyRow,
  invalidSlotStart,
  isChannel,
  parseInstant,
  type BookingData,
} from './bookingData'
import { actorOf, bookingContext, nowOf } from './context'
import { BookingRuleError } from './errors'
import { newReference, idOf } from './ids'
import { claimSeat } from './seats'
import { checkApplicantStanding } from './standings'
import { publishedEditionInForce, type EditionInForce } from './termsInForce'

function fail(violations: RuleViolation | RuleViolation[]): never {
  throw countedRefusal(new BookingRuleError(Array.isArray(violations) ? violations : [violations]))
}

/** The stored applicant group: every field present, blanks as null. */
export function storedApplicant(applicant: Applicant): Record<ApplicantField, string | null> {
  return Object.fromEntries(
    APPLICANT_FIELD_NAMES.map((field) => [field, applicant[field] ?? null]),
  ) as Record<ApplicantField, string | null>
}

/** The tool a booking uses: fixed by the channel, or the one staff chose. */
export function resolveTool(
  policy: ReservationPolicy,
  channel: Channel,
  requested: unknown,
): { tool?: Tool; missing: boolean } {
  if (requested !== undefined && requested !== null && requested !== '') {
    return { tool: requested as Tool, missing: false }
  }
  const fixed = fixedToolFor(policy, channel)
  if (fixed) return { tool: fixed, missing: false }
  return { missing: findChannelPolicy(policy, channel) !== undefined }
}

const missingTool = (): RuleViolation =>
  violation('missing_field', { field: 'tool', message: '使用する通信アプリを選択してください。' })

/**
 * Consent to the terms edition that will govern the session: the one in force on the slot's date,
 * which is a later edition than today's when the slot falls after an upcoming change (the
 * applicant is then shown both, and the one in force today is recorded beside it). The applicant
 * must name exactly that edition. Staff booking by phone or mail show the applicant the terms
 * (民法548条の2第1項第2号): for them a missing edition defaults to the governing one, and the record
 * says it was staff, and how (consent.shownVia, required of staff).
 */
function resolveConsent(
  channel: Channel,
  given: { termsEdition?: unknown; shownVia?: unknown } | undefined,
  editions: { inForceNow: EditionInForce | null; atSlot: EditionInForce | null },
  byStaff: boolean,
  now: Date,
) {
  const { governing: edition, alsoInForceNow } = editionsForConsent(
    editions.inForceNow,
    editions.atSlot,
  )
  if (!edition) {
    fail(
      violation('terms_not_current', {
        field: 'consent.termsEdition',
        message:
          '現在有効な利用規約がないため、予約を受け付けられません。窓口にお問い合わせください。',
      }),
    )
  }
  const givenId = idOf(given?.termsEdition)
  const agreesToGoverning =
    givenId === null ? channel === 'staff-scheduled' : String(givenId) === String(edition.id)
  if (!agreesToGoverning) {
    fail(
      violation('terms_not_current', {
        field: 'consent.termsEdition',
        ...(alsoInForceNow
          ? {
              message: `ご希望の日時には、${edition.effectiveFrom}から施行される利用規約（第${edition.number}版）が適用されます。その版をご確認のうえ、同意してください。`,
            }
          : {}),
      }),
    )
  }
  const shownVia = given?.shownVia
  const shownViaGiven = shownVia !== undefined && shownVia !== null && shownVia !== ''
  // Staff consent on nobody's behalf: the record must say how the applicant was shown the terms.
  if (byStaff && !shownViaGiven) {
    fail(
      violation('missing_field', {
        field: 'consent.shownVia',
        message:
          '職員が受け付ける予約では、利用規約を示した方法（電話・メール・窓口）を選択してください。',
      }),
    )
  }
  if (shownViaGiven) {
    if (!byStaff || !SHOWN_VIA.includes(shownVia as ShownVia)) {
      fail(
        violation('invalid_field', {
          field: 'consent.shownVia',
          message:
            '利用規約を示した方法は、電話・メール・窓口のいずれかを選択してください（職員のみ）。',
        }),
      )
    }
  }
  return {
    termsEdition: edition.id as number,
    contentHash: edition.contentHash,
    agreedAt: now.toISOString(),
    method: consentMethodFor(byStaff),
    shownVia:
      byStaff && typeof shownVia === 'string' && shownVia !== '' ? (shownVia as ShownVia) : null,
    inForceAtBooking: (alsoInForceNow?.id ?? null) as number | null,
  }
}

/**
 * Everything a new booking must pass, in the order an applicant can act on: the slot and the form
 * (all violations at once), consent, acceptance, then a seat. Returns the data to write, with
 * normalised applicant details and every system field set here rather than taken from the caller.
 */
export async function prepareNewBooking(
  data: BookingData,
  req: PayloadRequest,
): Promise<BookingData> {
  const { payload } = req
  const context = bookingContext(req.context)
  const now = nowOf(req)

  const officeId = idOf(data.office)
  if (officeId === null) {
    fail(violation('missing_field', { field: 'office', message: '事業所を指定してください。' }))
  }
  const slotStart = parseInstant(data.slotStart)
  if (!slotStart) fail(invalidSlotStart())
  const channel = data.channel
  if (!isChannel(channel)) {
    fail(violation('invalid_field', { field: 'channel', message: '申込方法を選択してください。' }))
  }

  const record = policyRecordInForce(await policiesForOffice(payload, officeId), slotStart)
  if (!record) fail(violation('outside_hours'))
  const { policy } = record

  const applicantInput = (data.applicant ?? {}) as ApplicantInput
  const eligibility = (data.eligibility ?? {}) as EligibilityAnswers
  const { tool, missing: toolMissing } = resolveTool(policy, channel, data.tool)
  const evaluated = evaluateNewBooking({
    policy,
    channel,
    slotStart,
    now,
    applicant: applicantInput,
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
  if (toolMissing) violations.push(missingTool())
  const badUrl = checkMeetingUrl(data.meetingUrl)
  if (badUrl) violations.push(badUrl)
  // The status field defaults to 'confirmed'; any other status asked for must be the initial one.
  if (data.status !== undefined && data.status !== 'confirmed') {
    const badStatus = checkInitialStatus(channel, data.status)
    if (badStatus) violations.push(badStatus)
  }
  if (violations.length > 0) fail(violations)

  const applicant = normaliseApplicant(applicantInput)
  const [inForceNow, atSlot] = await Promise.all([
    publishedEditionInForce(payload, officeId, now),
    publishedEditionInForce(payload, officeId, slotStart),
  ])
  const consent = resolveConsent(
    channel,
    data.consent as { termsEdition?: unknown; shownVia?: unknown } | undefined,
    { inForceNow, atSlot },
    Boolean(req.user),
    now,
  )
  const keys = applicantKeys(officeId, applicant)
  const refusal = await checkApplicantStanding(payload, officeId, keys)
  if (refusal) fail(refusal)
  // Applicants only: staff booking on someone's behalf are not held to it.
  if (!req.user) {
    const tooMany = await checkOpenBookingLimit(payload, officeId, keys, applicant, policy, now)
    if (tooMany) fail(tooMany)
  }

  const seatLock = await claimSeat({
    payload,
    officeId,
    slotStart,
    capacity: policy.capacityPerSlot,
    now,
  })

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
