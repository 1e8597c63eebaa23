import { isApplicantField } from './applicantFields'
import { isIsoDate, parseHhmm, tokyoDateOf } from '../../lib/tokyoTime'
import { policyMessageFormats, policyMessages, type Bilingual } from './messages'
import type { Channel, ContactMethod, PolicyFieldError, BookingPolicy, Tool } from './types'

export interface ValidatePolicyOptions {
  /** Today as a JST date (YYYY-MM-DD), or any instant of it. */
  today: string | Date
  /**
   * Whether the policy is being created (default) rather than an existing one re-saved.
   * Only a new policy is refused for an effectiveFrom in the past; re-checking a stored one must
   * not fail merely because its date has arrived.
   */
  isNew?: boolean
}

const CHANNELS: readonly Channel[] = ['self-service', 'staff-scheduled']
const TOOLS: readonly Tool[] = ['teleoffice', 'zoom']
const CONTACT_METHODS: readonly ContactMethod[] = ['link', 'phone', 'email']
const ELIGIBILITY_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Configuration errors in a reservation policy, each with its field path and its message in
 * Japanese and English.
 * An empty list means the policy can be saved.
 */
export function validatePolicy(
  policy: BookingPolicy,
  options: ValidatePolicyOptions,
): PolicyFieldError[] {
  const errors: PolicyFieldError[] = []
  const report: Report = (path, text) => errors.push({ path, message: text.ja, en: text.en })
  const today = typeof options.today === 'string' ? options.today : tokyoDateOf(options.today)

  if (!isIsoDate(policy.effectiveFrom)) {
    report('effectiveFrom', policyMessages.effectiveFromFormat)
  } else if ((options.isNew ?? true) && policy.effectiveFrom < today) {
    report('effectiveFrom', policyMessages.effectiveFromPast)
  }

  validateChannels(policy, report)
  validateWindows(policy, report)

  if (!isPositiveInteger(policy.capacityPerSlot)) {
    report('capacityPerSlot', policyMessages.capacity)
  }
  policy.closures.forEach((date, index) => {
    if (!isIsoDate(date)) report(`closures.${index}`, policyMessages.closureFormat)
  })
  if (policy.leadTime !== 'before-start' && policy.leadTime !== 'previous-day') {
    report('leadTime', policyMessages.leadTime)
  }
  if (!isPositiveInteger(policy.bookingWindowDays) || policy.bookingWindowDays > 366) {
    report('bookingWindowDays', policyMessages.bookingWindowDays)
  }
  const offersSelfService = policy.channels.some(({ channel }) => channel === 'self-service')
  if (offersSelfService && !isPositiveInteger(policy.confirmWindowMinutes)) {
    report('confirmWindowMinutes', policyMessages.confirmWindow)
  }
  const graceProblem = noShowGraceProblem(policy.noShowGraceMinutes, policy.sessionMinutes)
  if (graceProblem) report('noShowGraceMinutes', graceProblem)
  if (!isNonNegativeInteger(policy.refuseAfterNoShows)) {
    report('refuseAfterNoShows', policyMessages.refuseAfterNoShows)
  }

  const seenIds = new Set<string>()
  policy.eligibility.forEach((statement, index) => {
    if (!ELIGIBILITY_ID.test(statement.id)) {
      report(`eligibility.${index}.id`, policyMessages.eligibilityIdFormat)
    } else if (seenIds.has(statement.id)) {
      report(`eligibility.${index}.id`, policyMessages.eligibilityIdDuplicate)
    }
    seenIds.add(statement.id)
    if (!statement.text?.trim()) report(`eligibility.${index}.text`, policyMessages.eligibilityText)
  })

  if (!policy.court?.trim()) report('court', policyMessages.court)
  if (!policy.governingLaw?.trim()) report('governingLaw', policyMessages.governingLaw)
  return errors
}

type Report = (path: string, text: Bilingual) => void

function validateChannels(policy: BookingPolicy, report: Report): void {
  if (policy.channels.length === 0) {
    report('channels', policyMessages.channelsMissing)
    return
  }
  const seen = new Set<Channel>()
  policy.channels.forEach((channelPolicy, index) => {
    const path = `channels.${index}`
    const { channel } = channelPolicy
    if (!CHANNELS.includes(channel)) {
      report(`${path}.channel`, policyMessages.channelChoose)
    } else if (seen.has(channel)) {
      report(`${path}.channel`, policyMessages.channelDuplicate)
    }
    seen.add(channel)

    if (channelPolicy.tools.length === 0) {
      report(`${path}.tools`, policyMessages.toolsMissing)
    } else if (
      !channelPolicy.tools.every((tool) => TOOLS.includes(tool)) ||
      hasDuplicates(channelPolicy.tools)
    ) {
      report(`${path}.tools`, policyMessages.toolsInvalid)
    }

    const fields = [...channelPolicy.requiredFields, ...channelPolicy.optionalFields]
    if (!fields.every(isApplicantField)) {
      report(`${path}.requiredFields`, policyMessages.fieldsInvalid)
    } else if (hasDuplicates(fields)) {
      report(`${path}.optionalFields`, policyMessages.fieldsDuplicate)
    }
    // The confirmation link is mailed, so online bookings cannot work without an address.
    if (channel === 'self-service' && !channelPolicy.requiredFields.includes('email')) {
      report(`${path}.requiredFields`, policyMessages.emailRequired)
    }

    if (channelPolicy.cancelBy.length === 0) {
      report(`${path}.cancelBy`, policyMessages.cancelByMissing)
    } else if (!channelPolicy.cancelBy.every((method) => CONTACT_METHODS.includes(method))) {
      report(`${path}.cancelBy`, policyMessages.cancelByInvalid)
    }
    const sameDay = channelPolicy.sameDayCancelBy
    if (sameDay !== undefined) {
      if (sameDay.length === 0) {
        report(`${path}.sameDayCancelBy`, policyMessages.sameDayCancelByMissing)
      } else if (!sameDay.every((method) => CONTACT_METHODS.includes(method))) {
        report(`${path}.sameDayCancelBy`, policyMessages.sameDayCancelByInvalid)
      }
    }
  })
}

/**
 * The weekly windows' errors alone (format, order, length, overlap), for the hours grid to show
 * before saving; validatePolicy reports the same ones on save.
 */
export function validateWeeklyWindows(
  policy: Pick<BookingPolicy, 'windows' | 'sessionMinutes'>,
): PolicyFieldError[] {
  const errors: PolicyFieldError[] = []
  validateWindows(policy, (path, text) => errors.push({ path, message: text.ja, en: text.en }))
  return errors
}

function validateWindows(
  policy: Pick<BookingPolicy, 'windows' | 'sessionMinutes'>,
  report: Report,
): void {
  const session = policy.sessionMinutes
  const sessionValid = isPositiveInteger(session) && session <= 24 * 60
  if (!sessionValid) report('sessionMinutes', policyMessages.sessionMinutes)
  if (policy.windows.length === 0) {
    report('windows', policyMessages.windowsMissing)
    return
  }

  const valid: { index: number; weekday: number; start: number; end: number }[] = []
  policy.windows.forEach((window, index) => {
    const path = `windows.${index}`
    if (!Number.isInteger(window.weekday) || window.weekday < 1 || window.weekday > 7) {
      report(`${path}.weekday`, policyMessages.weekday)
    }
    const start = parseHhmm(window.start)
    const end = parseHhmm(window.end)
    if (start === null) report(`${path}.start`, policyMessages.startFormat)
    if (end === null) report(`${path}.end`, policyMessages.endFormat)
    if (start === null || end === null) return
    if (end <= start) {
      report(`${path}.end`, policyMessages.endBeforeStart)
      return
    }
    if (sessionValid && (end - start) % session !== 0) {
      report(`${path}.end`, policyMessageFormats.windowIndivisible(session))
    }
    valid.push({ index, weekday: window.weekday, start, end })
  })

  // Touching windows (10:00–12:00 and 12:00–13:00) are fine; sharing any minute is not.
  for (const [i, a] of valid.entries()) {
    for (const b of valid.slice(i + 1)) {
      if (a.weekday === b.weekday && a.start < b.end && b.start < a.end) {
        report(`windows.${b.index}.start`, policyMessageFormats.windowsOverlap(a.index + 1))
      }
    }
  }
}

function isPositiveInteger(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0
}

function isNonNegativeInteger(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0
}

function hasDuplicates(values: readonly unknown[]): boolean {
  return new Set(values).size !== values.length
}

/**
 * The no-show grace must be a whole number of minutes within one session. Also the field's own
 * validation in the admin, so that the form's re-validation while editing keeps the error shown.
 */
export function noShowGraceProblem(grace: unknown, sessionMinutes: unknown): Bilingual | null {
  return !isNonNegativeInteger(grace) ||
    (isPositiveInteger(sessionMinutes) && (grace as number) > sessionMinutes)
    ? policyMessages.noShowGrace
    : null
}
