import { isApplicantField } from './applicantFields'
import { isIsoDate, parseHhmm, tokyoDateOf } from '../../lib/tokyoTime'
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
 * Configuration errors in a reservation policy, each with its field path and a Japanese message.
 * An empty list means the policy can be saved.
 */
export function validatePolicy(
  policy: BookingPolicy,
  options: ValidatePolicyOptions,
): PolicyFieldError[] {
  const errors: PolicyFieldError[] = []
  const report = (path: string, message: string) => errors.push({ path, message })
  const today = typeof options.today === 'string' ? options.today : tokyoDateOf(options.today)

  if (!isIsoDate(policy.effectiveFrom)) {
    report('effectiveFrom', '適用開始日をYYYY-MM-DDの形式で入力してください。')
  } else if ((options.isNew ?? true) && policy.effectiveFrom < today) {
    report('effectiveFrom', '新しい設定の適用開始日に過去の日付は指定できません。')
  }

  validateChannels(policy, report)
  validateWindows(policy, report)

  if (!isPositiveInteger(policy.capacityPerSlot)) {
    report('capacityPerSlot', '1枠あたりの定員は1以上の整数で入力してください。')
  }
  policy.closures.forEach((date, index) => {
    if (!isIsoDate(date))
      report(`closures.${index}`, '休業日をYYYY-MM-DDの形式で入力してください。')
  })
  if (policy.leadTime !== 'before-start' && policy.leadTime !== 'previous-day') {
    report('leadTime', '予約の締切を選択してください。')
  }
  if (!isPositiveInteger(policy.bookingWindowDays) || policy.bookingWindowDays > 366) {
    report('bookingWindowDays', '予約を受け付ける期間は1日から366日の間で入力してください。')
  }
  const offersSelfService = policy.channels.some(({ channel }) => channel === 'self-service')
  if (offersSelfService && !isPositiveInteger(policy.confirmWindowMinutes)) {
    report(
      'confirmWindowMinutes',
      'オンライン予約の確認期限（分）は1以上の整数で入力してください。',
    )
  }
  const graceProblem = noShowGraceProblem(policy.noShowGraceMinutes, policy.sessionMinutes)
  if (graceProblem) report('noShowGraceMinutes', graceProblem)
  if (!isNonNegativeInteger(policy.refuseAfterNoShows)) {
    report(
      'refuseAfterNoShows',
      '利用をお断りする無断キャンセルの回数は0以上の整数で入力してください（0は自動でお断りしない）。',
    )
  }

  const seenIds = new Set<string>()
  policy.eligibility.forEach((statement, index) => {
    if (!ELIGIBILITY_ID.test(statement.id)) {
      report(
        `eligibility.${index}.id`,
        '利用条件のIDは英数字・ハイフン・アンダースコアの64文字以内で入力してください。',
      )
    } else if (seenIds.has(statement.id)) {
      report(`eligibility.${index}.id`, '利用条件のIDが重複しています。')
    }
    seenIds.add(statement.id)
    if (!statement.text?.trim())
      report(`eligibility.${index}.text`, '利用条件の内容を入力してください。')
  })

  if (!policy.court?.trim()) report('court', '合意管轄裁判所を入力してください。')
  if (!policy.governingLaw?.trim()) report('governingLaw', '準拠法を入力してください。')
  return errors
}

type Report = (path: string, message: string) => void

function validateChannels(policy: BookingPolicy, report: Report): void {
  if (policy.channels.length === 0) {
    report('channels', '申込方法を1つ以上設定してください。')
    return
  }
  const seen = new Set<Channel>()
  policy.channels.forEach((channelPolicy, index) => {
    const path = `channels.${index}`
    const { channel } = channelPolicy
    if (!CHANNELS.includes(channel)) {
      report(`${path}.channel`, '申込方法を選択してください。')
    } else if (seen.has(channel)) {
      report(`${path}.channel`, '同じ申込方法が重複しています。')
    }
    seen.add(channel)

    if (channelPolicy.tools.length === 0) {
      report(`${path}.tools`, '使用する通信アプリを1つ以上選択してください。')
    } else if (
      !channelPolicy.tools.every((tool) => TOOLS.includes(tool)) ||
      hasDuplicates(channelPolicy.tools)
    ) {
      report(`${path}.tools`, '通信アプリの指定に誤りがあります。')
    }

    const fields = [...channelPolicy.requiredFields, ...channelPolicy.optionalFields]
    if (!fields.every(isApplicantField)) {
      report(`${path}.requiredFields`, '入力項目の指定に誤りがあります。')
    } else if (hasDuplicates(fields)) {
      report(
        `${path}.optionalFields`,
        '同じ入力項目が必須と任意の両方、または重複して指定されています。',
      )
    }
    // The confirmation link is mailed, so online bookings cannot work without an address.
    if (channel === 'self-service' && !channelPolicy.requiredFields.includes('email')) {
      report(`${path}.requiredFields`, 'オンライン予約ではメールアドレスを必須項目にしてください。')
    }

    if (channelPolicy.cancelBy.length === 0) {
      report(`${path}.cancelBy`, 'キャンセルの連絡方法を1つ以上選択してください。')
    } else if (!channelPolicy.cancelBy.every((method) => CONTACT_METHODS.includes(method))) {
      report(`${path}.cancelBy`, 'キャンセルの連絡方法の指定に誤りがあります。')
    }
    const sameDay = channelPolicy.sameDayCancelBy
    if (sameDay !== undefined) {
      if (sameDay.length === 0) {
        report(`${path}.sameDayCancelBy`, '当日キャンセルの連絡方法を1つ以上選択してください。')
      } else if (!sameDay.every((method) => CONTACT_METHODS.includes(method))) {
        report(`${path}.sameDayCancelBy`, '当日キャンセルの連絡方法の指定に誤りがあります。')
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
  validateWindows(policy, (path, message) => errors.push({ path, message }))
  return errors
}

function validateWindows(
  policy: Pick<BookingPolicy, 'windows' | 'sessionMinutes'>,
  report: Report,
): void {
  const session = policy.sessionMinutes
  const sessionValid = isPositiveInteger(session) && session <= 24 * 60
  if (!sessionValid) report('sessionMinutes', '1回の時間（分）は1以上の整数で入力してください。')
  if (policy.windows.length === 0) {
    report('windows', '予約を受け付ける時間帯を1つ以上設定してください。')
    return
  }

  const valid: { index: number; weekday: number; start: number; end: number }[] = []
  policy.windows.forEach((window, index) => {
    const path = `windows.${index}`
    if (!Number.isInteger(window.weekday) || window.weekday < 1 || window.weekday > 7) {
      report(`${path}.weekday`, '曜日を選択してください。')
    }
    const start = parseHhmm(window.start)
    const end = parseHhmm(window.end)
    if (start === null)
      report(`${path}.start`, '開始時刻をHH:mmの形式（00:00〜23:59）で入力してください。')
    if (end === null)
      report(`${path}.end`, '終了時刻をHH:mmの形式（00:00〜23:59）で入力してください。')
    if (start === null || end === null) return
    if (end <= start) {
      report(
        `${path}.end`,
        '終了時刻は同じ日のうちで開始時刻より後にしてください（日付をまたぐ時間帯は設定できません）。',
      )
      return
    }
    if (sessionValid && (end - start) % session !== 0) {
      report(`${path}.end`, `時間帯の長さが1回の時間（${session}分）で割り切れません。`)
    }
    valid.push({ index, weekday: window.weekday, start, end })
  })

  // Touching windows (10:00–12:00 and 12:00–13:00) are fine; sharing any minute is not.
  for (const [i, a] of valid.entries()) {
    for (const b of valid.slice(i + 1)) {
      if (a.weekday === b.weekday && a.start < b.end && b.start < a.end) {
        report(
          `windows.${b.index}.start`,
          `同じ曜日の時間帯（${a.index + 1}番目）と重なっています。`,
        )
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
export function noShowGraceProblem(grace: unknown, sessionMinutes: unknown): string | null {
  return !isNonNegativeInteger(grace) ||
    (isPositiveInteger(sessionMinutes) && (grace as number) > sessionMinutes)
    ? '無断キャンセルとみなすまでの時間は0分以上、1回の時間以内で入力してください。'
    : null
}
