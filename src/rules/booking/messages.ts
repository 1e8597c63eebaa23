import type { ContactMethod, RuleCode, RuleViolation } from './types'

/** The default Japanese message for every rule code; rules may give a more specific one. */
export const ruleMessages: Readonly<Record<RuleCode, string>> = {
  outside_hours: '選択された日時は予約の受付時間外です。',
  closed_day: '選択された日は休業日のため、予約できません。',
  lead_time: '予約の受付期限を過ぎています。',
  booking_window: '選択された日の予約はまだ受け付けていません。',
  channel_not_offered: 'この申込方法はご利用いただけません。',
  missing_field: '必須項目が入力されていません。',
  invalid_field: '入力内容に誤りがあります。',
  terms_not_current:
    '利用規約が改定されています。最新の利用規約をご確認のうえ、あらためて同意してください。',
  // Deliberately neutral: a refused applicant must not learn why, or that they were refused.
  not_accepted: '現在このご予約はお受けできません。',
  invalid_transition: 'このご予約の状態は変更できません。',
  slot_full: '選択された時間帯は予約が埋まっています。別の時間帯をお選びください。',
  too_many_open_bookings:
    '予約できる件数の上限に達しています。お持ちのご予約が終わるか、キャンセルしてから、あらためてお申し込みください。',
  booking_changed:
    'このご予約は、ほかの操作によって先に更新されました。最新の状態を確認してから、あらためて操作してください。',
}

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
