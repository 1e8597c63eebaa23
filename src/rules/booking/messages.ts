import type { ContactMethod, RuleCode, RuleViolation } from './types'

/** One message in Japanese (the default, and all the public ever sees) and English (admin only). */
export interface Bilingual {
  ja: string
  en: string
}

/** The admin's language picks the English text; everything else gets the Japanese. */
export function inLanguage(text: Bilingual, language: string | undefined): string {
  return language === 'en' ? text.en : text.ja
}

/** The default message of every rule code; rules may give a more specific Japanese one. */
export const ruleMessageTexts: Readonly<Record<RuleCode, Bilingual>> = {
  outside_hours: {
    ja: '選択された日時は予約の受付時間外です。',
    en: 'The chosen time is outside the booking hours.',
  },
  closed_day: {
    ja: '選択された日は休業日のため、予約できません。',
    en: 'The office is closed on the chosen day; it cannot be booked.',
  },
  lead_time: {
    ja: '予約の受付期限を過ぎています。',
    en: 'The deadline for booking this slot has passed.',
  },
  booking_window: {
    ja: '選択された日の予約はまだ受け付けていません。',
    en: 'Bookings for the chosen day are not open yet.',
  },
  channel_not_offered: {
    ja: 'この申込方法はご利用いただけません。',
    en: 'This way of booking is not offered.',
  },
  missing_field: {
    ja: '必須項目が入力されていません。',
    en: 'A required field is empty.',
  },
  invalid_field: {
    ja: '入力内容に誤りがあります。',
    en: 'A field is not valid.',
  },
  terms_not_current: {
    ja: '利用規約が改定されています。最新の利用規約をご確認のうえ、あらためて同意してください。',
    en: 'The terms of use have changed. Read the current terms and agree to them again.',
  },
  // Deliberately neutral: a refused applicant must not learn why, or that they were refused.
  not_accepted: {
    ja: '現在このご予約はお受けできません。',
    en: 'This booking cannot be accepted at present.',
  },
  invalid_transition: {
    ja: 'このご予約の状態は変更できません。',
    en: 'The status of this booking cannot be changed that way.',
  },
  slot_full: {
    ja: '選択された時間帯は予約が埋まっています。別の時間帯をお選びください。',
    en: 'The chosen slot is fully booked. Choose another slot.',
  },
  too_many_open_bookings: {
    ja: '予約できる件数の上限に達しています。お持ちのご予約が終わるか、キャンセルしてから、あらためてお申し込みください。',
    en: 'The applicant has reached the limit of open bookings. Book again once one has taken place or been cancelled.',
  },
  booking_changed: {
    ja: 'このご予約は、ほかの操作によって先に更新されました。最新の状態を確認してから、あらためて操作してください。',
    en: 'Someone else changed this booking first. Check its current state and try again.',
  },
}

/** The default Japanese message for every rule code; rules may give a more specific one. */
export const ruleMessages: Readonly<Record<RuleCode, string>> = Object.fromEntries(
  Object.entries(ruleMessageTexts).map(([code, text]) => [code, text.ja]),
) as Record<RuleCode, string>

export const contactMethodLabels: Readonly<Record<ContactMethod, string>> = {
  link: 'キャンセル用リンク',
  phone: '電話',
  email: 'メール',
}

export function violation(
  code: RuleCode,
  details: { message?: string; field?: string } = {},
): RuleViolation {
  const result: RuleViolation = { code, message: details.message ?? ruleMessages[code] }
  if (details.field !== undefined) result.field = details.field
  return result
}

/** What validatePolicy reports on a reservation policy, one entry per problem. */
export const policyMessages = {
  effectiveFromFormat: {
    ja: '適用開始日をYYYY-MM-DDの形式で入力してください。',
    en: 'Enter the effective date as YYYY-MM-DD.',
  },
  effectiveFromPast: {
    ja: '新しい設定の適用開始日に過去の日付は指定できません。',
    en: 'A new policy cannot take effect on a past date.',
  },
  capacity: {
    ja: '1枠あたりの定員は1以上の整数で入力してください。',
    en: 'Enter the places per slot as a whole number of at least 1.',
  },
  closureFormat: {
    ja: '休業日をYYYY-MM-DDの形式で入力してください。',
    en: 'Enter the closed day as YYYY-MM-DD.',
  },
  leadTime: { ja: '予約の締切を選択してください。', en: 'Choose the booking deadline.' },
  bookingWindowDays: {
    ja: '予約を受け付ける期間は1日から366日の間で入力してください。',
    en: 'Enter how far ahead bookings open as 1 to 366 days.',
  },
  confirmWindow: {
    ja: 'オンライン予約の確認期限（分）は1以上の整数で入力してください。',
    en: 'Enter the confirmation window for online bookings as a whole number of minutes, at least 1.',
  },
  refuseAfterNoShows: {
    ja: '利用をお断りする無断キャンセルの回数は0以上の整数で入力してください（0は自動でお断りしない）。',
    en: 'Enter the number of no-shows after which to refuse as a whole number of at least 0 (0: never refuse automatically).',
  },
  eligibilityIdFormat: {
    ja: '利用条件のIDは英数字・ハイフン・アンダースコアの64文字以内で入力してください。',
    en: 'An eligibility ID is up to 64 letters, digits, hyphens and underscores.',
  },
  eligibilityIdDuplicate: {
    ja: '利用条件のIDが重複しています。',
    en: 'This eligibility ID is used twice.',
  },
  eligibilityText: {
    ja: '利用条件の内容を入力してください。',
    en: 'Enter the eligibility condition.',
  },
  court: { ja: '合意管轄裁判所を入力してください。', en: 'Enter the agreed court.' },
  governingLaw: { ja: '準拠法を入力してください。', en: 'Enter the governing law.' },
  channelsMissing: {
    ja: '申込方法を1つ以上設定してください。',
    en: 'Set up at least one way of booking.',
  },
  channelChoose: { ja: '申込方法を選択してください。', en: 'Choose the way of booking.' },
  channelDuplicate: {
    ja: '同じ申込方法が重複しています。',
    en: 'This way of booking is set up twice.',
  },
  toolsMissing: {
    ja: '使用する通信アプリを1つ以上選択してください。',
    en: 'Choose at least one meeting tool.',
  },
  toolsInvalid: {
    ja: '通信アプリの指定に誤りがあります。',
    en: 'The meeting tools are not valid.',
  },
  fieldsInvalid: {
    ja: '入力項目の指定に誤りがあります。',
    en: 'The applicant fields are not valid.',
  },
  fieldsDuplicate: {
    ja: '同じ入力項目が必須と任意の両方、または重複して指定されています。',
    en: 'An applicant field is both required and optional, or listed twice.',
  },
  emailRequired: {
    ja: 'オンライン予約ではメールアドレスを必須項目にしてください。',
    en: 'Online booking needs the e-mail address as a required field.',
  },
  cancelByMissing: {
    ja: 'キャンセルの連絡方法を1つ以上選択してください。',
    en: 'Choose at least one way to cancel.',
  },
  cancelByInvalid: {
    ja: 'キャンセルの連絡方法の指定に誤りがあります。',
    en: 'The ways to cancel are not valid.',
  },
  sameDayCancelByMissing: {
    ja: '当日キャンセルの連絡方法を1つ以上選択してください。',
    en: 'Choose at least one way to cancel on the day.',
  },
  sameDayCancelByInvalid: {
    ja: '当日キャンセルの連絡方法の指定に誤りがあります。',
    en: 'The ways to cancel on the day are not valid.',
  },
  sessionMinutes: {
    ja: '1回の時間（分）は1以上の整数で入力してください。',
    en: 'Enter the session length as a whole number of minutes, at least 1.',
  },
  windowsMissing: {
    ja: '予約を受け付ける時間帯を1つ以上設定してください。',
    en: 'Set up at least one bookable window.',
  },
  weekday: { ja: '曜日を選択してください。', en: 'Choose the weekday.' },
  startFormat: {
    ja: '開始時刻をHH:mmの形式（00:00〜23:59）で入力してください。',
    en: 'Enter the start time as HH:mm (00:00–23:59).',
  },
  endFormat: {
    ja: '終了時刻をHH:mmの形式（00:00〜23:59）で入力してください。',
    en: 'Enter the end time as HH:mm (00:00–23:59).',
  },
  endBeforeStart: {
    ja: '終了時刻は同じ日のうちで開始時刻より後にしてください（日付をまたぐ時間帯は設定できません）。',
    en: 'The end time must be after the start time on the same day (a window cannot pass midnight).',
  },
  noShowGrace: {
    ja: '無断キャンセルとみなすまでの時間は0分以上、1回の時間以内で入力してください。',
    en: 'Enter the no-show grace as 0 minutes or more, within one session.',
  },
} as const satisfies Record<string, Bilingual>

/** validatePolicy's messages that name a value. */
export const policyMessageFormats = {
  windowIndivisible: (session: number): Bilingual => ({
    ja: `時間帯の長さが1回の時間（${session}分）で割り切れません。`,
    en: `The window’s length is not a whole number of sessions (${session} minutes).`,
  }),
  windowsOverlap: (otherNumber: number): Bilingual => ({
    ja: `同じ曜日の時間帯（${otherNumber}番目）と重なっています。`,
    en: `Overlaps window ${otherNumber} on the same weekday.`,
  }),
}

/**
 * English, by code, for the other refusals the admin can meet (staff endpoints, closures,
 * refusals, retention, link tokens). Their Japanese is written where they are refused.
 */
export const refusalMessagesEn: Readonly<Record<string, string>> = {
  closure_has_bookings:
    'There are bookings on that day. Choose in the closed-days calendar whether to cancel or keep them.',
  refusal_admin_only: 'Only an office admin decides on refusing an applicant, or undoing it.',
  refusal_reason_required: 'Give the reason for refusing; the notice to the applicant includes it.',
  retention_longer_than_hq:
    'An office may keep applicant details for a shorter time than headquarters, never longer.',
  invalid_token: 'This link is invalid, has expired, or has already been used.',
  search_too_short:
    'Enter at least 2 characters of a reference, name, job-seeker number or e-mail.',
  invalid_range: 'The end date must be on or after the start date.',
  range_too_long: 'The period is too long to export at once (at most 366 days).',
  contact_export_forbidden:
    'Only headquarters and office admins may export contact details (e-mail, phone).',
  office_not_found: 'The office was not found.',
  not_found: 'Not found.',
  forbidden: 'You may not do this.',
  invalid_request: 'The request is not valid.',
}
