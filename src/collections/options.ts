import type { SelectField } from 'payload'

import { APPLICANT_FIELDS } from '../rules/booking/applicantFields'
import { bilingual, fieldMessage, fieldMessages, type ValidateOptions } from './i18n'

export const CHANNEL_OPTIONS = [
  {
    value: 'self-service',
    label: bilingual('オンライン予約（本人）', 'Self-service online booking'),
  },
  {
    value: 'staff-scheduled',
    label: bilingual(
      '電話・メール申込み（職員が日程調整）',
      'Phone/email request, scheduled by staff',
    ),
  },
]

export const TOOL_OPTIONS = [
  { value: 'teleoffice', label: bilingual('TeleOffice', 'TeleOffice') },
  { value: 'zoom', label: bilingual('Zoom', 'Zoom') },
]

export const APPLICANT_FIELD_OPTIONS = APPLICANT_FIELDS.map(({ name, label }) => ({
  value: name,
  label: { ...label },
}))

export const CONTACT_METHOD_OPTIONS = [
  { value: 'link', label: bilingual('メールのリンク', 'Link in the mail') },
  { value: 'phone', label: bilingual('電話', 'Phone') },
  { value: 'email', label: bilingual('メール', 'Email') },
]

export const WEEKDAY_OPTIONS = [
  { value: '1', label: bilingual('月曜日', 'Monday') },
  { value: '2', label: bilingual('火曜日', 'Tuesday') },
  { value: '3', label: bilingual('水曜日', 'Wednesday') },
  { value: '4', label: bilingual('木曜日', 'Thursday') },
  { value: '5', label: bilingual('金曜日', 'Friday') },
  { value: '6', label: bilingual('土曜日', 'Saturday') },
  { value: '7', label: bilingual('日曜日', 'Sunday') },
]

export const BOOKING_STATUS_OPTIONS = [
  { value: 'pending_confirmation', label: bilingual('確認待ち', 'Pending confirmation') },
  { value: 'confirmed', label: bilingual('確定', 'Confirmed') },
  { value: 'completed', label: bilingual('実施済み', 'Completed') },
  { value: 'cancelled', label: bilingual('キャンセル', 'Cancelled') },
  { value: 'expired', label: bilingual('期限切れ', 'Expired') },
  { value: 'no_show', label: bilingual('無断欠席', 'No-show') },
]

const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

export const validateIsoDate = (value: unknown, options?: ValidateOptions): true | string =>
  typeof value === 'string' && ISO_DATE_PATTERN.test(value) && !Number.isNaN(Date.parse(value))
    ? true
    : fieldMessage(fieldMessages.isoDate, options)

/**
 * Draft or published: editions and notices share the field, and the public sees only published
 * documents (publishedOrOfficeMember). `publishedLabel` differs: an edition is 公開, a notice 公表.
 */
export function publicationStatusField(
  publishedLabel: { ja: string; en: string },
  more: SelectField['options'] = [],
): SelectField {
  return {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'draft',
    index: true,
    label: bilingual('状態', 'Status'),
    options: [
      { value: 'draft', label: bilingual('下書き', 'Draft') },
      { value: 'published', label: publishedLabel },
      ...more,
    ],
  }
}
