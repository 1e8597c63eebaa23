import type { CollectionConfig, Field, NumberFieldValidation } from 'payload'
import { number } from 'payload/shared'
import { DEFAULT_MAX_OPEN_BOOKINGS } from '../../rules/booking/checkOpenBookings'

import { hqOrOfficeAdmin } from '../../access/hqOrOfficeAdmin'
import { hqOrOfficeAdminCreates } from '../../access/hqOrOfficeAdminCreates'
import { hqOrOfficeMember } from '../../access/hqOrOfficeMember'
import { inLanguage } from '../../rules/booking/messages'
import { noShowGraceProblem } from '../../rules/booking/validatePolicy'
import { bilingual, fieldMessage, fieldMessages, type ValidateOptions } from '../i18n'
import {
  APPLICANT_FIELD_OPTIONS,
  CHANNEL_OPTIONS,
  CONTACT_METHOD_OPTIONS,
  TOOL_OPTIONS,
  validateIsoDate,
  WEEKDAY_OPTIONS,
} from '../options'
import { reservationPoliciesHooks } from './hooks'
import {
  addClosureEndpoint,
  removeClosureEndpoint,
} from '../../endpoints/policies/closureEndpoints'
import {
  policyFieldComponents,
  policyRowLabels,
  reservationPolicyAdminComponents,
} from '../../admin/policy/config'

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/
const validateTime = (value: unknown, options?: ValidateOptions) =>
  typeof value === 'string' && TIME_PATTERN.test(value)
    ? true
    : fieldMessage(fieldMessages.time, options)

/**
 * Per office, effective-dated. The policy in force at a slot's start governs that slot, and the
 * same record drives both the booking rules and the variables of the office's terms.
 */
/**
 * Gives each plain field (top level or in a row) the error that follows the policy rule on the
 * form's current values (PolicyFieldError), so a refused save's error stays beside its field.
 * The windows and closures draw their own errors.
 */
function withRuleErrors(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'row') return { ...field, fields: withRuleErrors(field.fields) }
    if (field.type === 'array' || field.type === 'ui' || field.admin?.components?.Field)
      return field
    return {
      ...field,
      admin: {
        ...field.admin,
        components: { ...field.admin?.components, Error: policyFieldComponents.ruleError },
      },
    } as Field
  })
}

export const ReservationPolicies: CollectionConfig = {
  slug: 'reservation-policies',
  labels: {
    singular: bilingual('予約ポリシー', 'Reservation policy'),
    plural: bilingual('予約ポリシー', 'Reservation policies'),
  },
  admin: {
    useAsTitle: 'effectiveFrom',
    defaultColumns: ['effectiveFrom', 'office', 'sessionMinutes', 'court'],
    group: bilingual('予約', 'Booking'),
    description: bilingual(
      '相談時間・受付方法・キャンセル・管轄裁判所など。適用開始日以降の枠に適用され、利用規約の内容にも反映されます。',
      'Hours, channels, cancellation, court… Governs slots from its effective date and feeds the terms.',
    ),
    components: reservationPolicyAdminComponents,
  },
  access: {
    read: hqOrOfficeMember,
    create: hqOrOfficeAdminCreates,
    update: hqOrOfficeAdmin,
    delete: hqOrOfficeAdmin,
  },
  indexes: [{ fields: ['office', 'effectiveFrom'], unique: true }],
  endpoints: [
    { path: '/:id/closures', method: 'post', handler: addClosureEndpoint },
    { path: '/:id/closures/remove', method: 'post', handler: removeClosureEndpoint },
  ],
  hooks: reservationPoliciesHooks,
  fields: withRuleErrors([
    {
      name: 'effectiveFrom',
      type: 'text',
      required: true,
      label: bilingual('適用開始日', 'Effective from'),
      validate: validateIsoDate,
      admin: {
        placeholder: '2026-04-01',
        description: bilingual(
          'この日の 0:00（日本時間）以降に始まる枠に適用します。',
          'Applies to slots starting from 00:00 JST of this day.',
        ),
      },
    },
    {
      name: 'channels',
      type: 'array',
      required: true,
      minRows: 1,
      label: bilingual('受付方法', 'Booking channels'),
      labels: {
        singular: bilingual('受付方法', 'Channel'),
        plural: bilingual('受付方法', 'Channels'),
      },
      admin: { components: { RowLabel: policyRowLabels.channels } },
      fields: [
        {
          name: 'channel',
          type: 'select',
          required: true,
          options: CHANNEL_OPTIONS,
          label: bilingual('受付方法', 'Channel'),
        },
        {
          name: 'tools',
          type: 'select',
          hasMany: true,
          required: true,
          options: TOOL_OPTIONS,
          label: bilingual('使用ツール', 'Tools'),
          admin: {
            description: bilingual(
              '複数選んだ場合は職員が選択します。',
              'With several, staff choose one.',
            ),
          },
        },
        {
          name: 'requiredFields',
          type: 'select',
          hasMany: true,
          options: APPLICANT_FIELD_OPTIONS,
          label: bilingual('必須項目', 'Required fields'),
        },
        {
          name: 'optionalFields',
          type: 'select',
          hasMany: true,
          options: APPLICANT_FIELD_OPTIONS,
          label: bilingual('任意項目', 'Optional fields'),
        },
        {
          name: 'cancelBy',
          type: 'select',
          hasMany: true,
          required: true,
          options: CONTACT_METHOD_OPTIONS,
          label: bilingual('キャンセル方法', 'Cancel by'),
        },
        {
          name: 'sameDayCancelBy',
          type: 'select',
          hasMany: true,
          options: CONTACT_METHOD_OPTIONS,
          label: bilingual('当日キャンセルの方法', 'Same-day cancel by'),
          admin: {
            description: bilingual(
              '空欄ならキャンセル方法と同じです。',
              'Empty means the same as cancel by.',
            ),
          },
        },
      ],
    },
    {
      name: 'windows',
      type: 'array',
      required: true,
      minRows: 1,
      label: bilingual('予約可能な時間帯（毎週）', 'Weekly bookable windows'),
      labels: { singular: bilingual('時間帯', 'Window'), plural: bilingual('時間帯', 'Windows') },
      admin: {
        components: { RowLabel: policyRowLabels.windows, Field: policyFieldComponents.windows },
        description: bilingual(
          '日本時間。日付をまたぐ時間帯は設定できません。',
          'Asia/Tokyo. A window cannot cross midnight.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'weekday',
              type: 'select',
              required: true,
              options: WEEKDAY_OPTIONS,
              label: bilingual('曜日', 'Weekday'),
            },
            {
              name: 'start',
              type: 'text',
              required: true,
              validate: validateTime,
              label: bilingual('開始', 'Start'),
              admin: { placeholder: '10:00' },
            },
            {
              name: 'end',
              type: 'text',
              required: true,
              validate: validateTime,
              label: bilingual('終了', 'End'),
              admin: { placeholder: '12:00' },
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'sessionMinutes',
          type: 'number',
          required: true,
          defaultValue: 30,
          min: 5,
          max: 240,
          label: bilingual('1回の時間（分）', 'Session length (min)'),
        },
        {
          name: 'capacityPerSlot',
          type: 'number',
          required: true,
          defaultValue: 1,
          min: 1,
          max: 50,
          label: bilingual('同時に対応できる人数', 'Capacity per slot'),
        },
        {
          name: 'bookingWindowDays',
          type: 'number',
          required: true,
          defaultValue: 30,
          min: 1,
          max: 365,
          label: bilingual('予約受付期間（日）', 'Booking window (days)'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'leadTime',
          type: 'select',
          required: true,
          defaultValue: 'before-start',
          label: bilingual('予約確定の期限', 'Lead time'),
          options: [
            {
              value: 'before-start',
              label: bilingual('相談開始前まで', 'Before the session starts'),
            },
            { value: 'previous-day', label: bilingual('前日まで', 'By the previous day') },
          ],
        },
        {
          name: 'confirmWindowMinutes',
          type: 'number',
          required: true,
          defaultValue: 60,
          min: 1,
          max: 1440,
          label: bilingual('確認リンクの有効時間（分）', 'Confirmation window (min)'),
        },
        {
          name: 'noShowGraceMinutes',
          type: 'number',
          required: true,
          defaultValue: 10,
          min: 0,
          max: 120,
          validate: ((value, options) => {
            const base = number(value, options)
            if (base !== true) return base
            const problem = noShowGraceProblem(
              value,
              (options.data as { sessionMinutes?: unknown } | undefined)?.sessionMinutes,
            )
            return problem ? inLanguage(problem, options.req?.i18n?.language) : true
          }) satisfies NumberFieldValidation,
          label: bilingual('無断欠席とみなすまで（分）', 'No-show grace (min)'),
        },
        {
          name: 'refuseAfterNoShows',
          type: 'number',
          required: true,
          defaultValue: 0,
          min: 0,
          max: 100,
          label: bilingual('利用をお断りする無断欠席回数', 'Refuse after no-shows'),
          admin: {
            description: bilingual('0 は自動でお断りしません。', '0 never refuses automatically.'),
          },
        },
        {
          name: 'maxOpenBookingsPerApplicant',
          type: 'number',
          required: true,
          defaultValue: DEFAULT_MAX_OPEN_BOOKINGS,
          min: 1,
          max: 20,
          label: bilingual('1人が同時に持てる予約数', 'Open bookings per applicant'),
          admin: {
            description: bilingual(
              '受付中・確定済みの予約の上限（求職番号またはメールアドレスで数えます）。',
              'Pending and confirmed bookings one applicant may hold (by job-seeker number or e-mail).',
            ),
          },
        },
      ],
    },
    {
      name: 'closures',
      type: 'array',
      label: bilingual('臨時休業日', 'Office closures'),
      labels: { singular: bilingual('休業日', 'Closure'), plural: bilingual('休業日', 'Closures') },
      admin: {
        components: { RowLabel: policyRowLabels.closures, Field: policyFieldComponents.closures },
        description: bilingual(
          '祝日と12月29日〜1月3日は自動で休業日になります。',
          'National holidays and 29 Dec–3 Jan are always closed.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'date',
              type: 'text',
              required: true,
              validate: validateIsoDate,
              label: bilingual('日付', 'Date'),
              admin: { placeholder: '2026-08-13' },
            },
            { name: 'reason', type: 'text', label: bilingual('理由', 'Reason') },
          ],
        },
      ],
    },
    {
      name: 'eligibility',
      type: 'array',
      label: bilingual('対象者の条件（第2条）', 'Eligibility statements'),
      labels: { singular: bilingual('条件', 'Statement'), plural: bilingual('条件', 'Statements') },
      admin: {
        description: bilingual(
          '申込者が全て満たすことを確認する条件です。',
          'Statements every applicant affirms.',
        ),
      },
      fields: [
        {
          name: 'statementId',
          type: 'text',
          required: true,
          label: bilingual('識別子', 'Id'),
          admin: { placeholder: 'registered' },
        },
        {
          name: 'text',
          type: 'textarea',
          required: true,
          label: bilingual('申込者が確認する文言（チェックボックス）', 'Checkbox wording'),
        },
        {
          name: 'termsText',
          type: 'textarea',
          label: bilingual('規約に記載する条件の文言', 'Wording in the terms'),
          admin: {
            description: bilingual(
              '第2条に「…の方」として記載する文言。空欄なら上の文言を記載します。',
              'How 第2条 states the condition; the checkbox wording when empty.',
            ),
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'court',
          type: 'text',
          required: true,
          label: bilingual('管轄裁判所', 'Court'),
          admin: { placeholder: '前橋地方裁判所' },
        },
        {
          name: 'governingLaw',
          type: 'text',
          required: true,
          defaultValue: '日本法',
          label: bilingual('準拠法', 'Governing law'),
        },
      ],
    },
  ]),
}
