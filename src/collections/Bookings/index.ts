import type { CollectionConfig, TextareaField, TextField } from 'payload'

import { fieldIsHqAdmin } from '../../access/fieldIsHqAdmin'
import { hqOrOfficeMember } from '../../access/hqOrOfficeMember'
import { hqOrOfficeMemberCreates } from '../../access/hqOrOfficeMemberCreates'
import { isHqAdmin } from '../../access/isHqAdmin'
import { nobody } from '../../access/nobody'
import {
  exportBookingsEndpoint,
  searchBookingsEndpoint,
} from '../../endpoints/bookings/staffEndpoints'
import {
  APPLICANT_FIELDS,
  type ApplicantFieldDefinition,
} from '../../rules/booking/applicantFields'
import { bookingsHooks } from './hooks'
import { eraseApplicantEndpoint } from './eraseApplicantEndpoint'
import { bilingual } from '../i18n'
import {
  BOOKING_STATUS_OPTIONS,
  CHANNEL_OPTIONS,
  CONTACT_METHOD_OPTIONS,
  TOOL_OPTIONS,
} from '../options'

/** An applicant detail as stored; the hooks check and normalise it (checkApplicantFields). */
function applicantFieldConfig({
  name,
  kind,
  label,
}: ApplicantFieldDefinition): TextField | TextareaField {
  return kind === 'textarea'
    ? { name, type: 'textarea', label: { ...label } }
    : { name, type: 'text', label: { ...label } }
}

/**
 * Applicant data is personal data under 職業安定法: only the office's own staff and admins
 * (and HQ) read bookings; the public API returns a booking's reference and times, never the applicant.
 */
export const Bookings: CollectionConfig = {
  slug: 'bookings',
  labels: { singular: bilingual('予約', 'Booking'), plural: bilingual('予約', 'Bookings') },
  admin: {
    useAsTitle: 'reference',
    defaultColumns: ['slotStart', 'status', 'channel', 'tool', 'reference'],
    group: bilingual('予約', 'Booking'),
  },
  access: {
    read: hqOrOfficeMember,
    create: hqOrOfficeMemberCreates,
    update: hqOrOfficeMember,
    // Bookings are records of a public service: they are cancelled, not deleted.
    delete: isHqAdmin,
  },
  hooks: bookingsHooks,
  endpoints: [
    { path: '/search', method: 'post', handler: searchBookingsEndpoint },
    { path: '/export', method: 'post', handler: exportBookingsEndpoint },
    { path: '/erase-applicant', method: 'post', handler: eraseApplicantEndpoint },
  ],
  // Seat counts and listings look bookings up by office and slot start.
  indexes: [{ fields: ['office', 'slotStart'] }],
  fields: [
    {
      name: 'reference',
      type: 'text',
      unique: true,
      index: true,
      label: bilingual('予約番号', 'Reference'),
      admin: { readOnly: true },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'slotStart',
          type: 'date',
          required: true,
          index: true,
          label: bilingual('開始日時', 'Starts'),
          admin: {
            date: {
              pickerAppearance: 'dayAndTime',
              timeIntervals: 30,
              displayFormat: 'yyyy/MM/dd HH:mm',
            },
          },
        },
        {
          name: 'slotEnd',
          type: 'date',
          label: bilingual('終了日時', 'Ends'),
          admin: {
            readOnly: true,
            date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy/MM/dd HH:mm' },
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'channel',
          type: 'select',
          required: true,
          defaultValue: 'staff-scheduled',
          options: CHANNEL_OPTIONS,
          label: bilingual('受付方法', 'Channel'),
        },
        {
          name: 'tool',
          type: 'select',
          options: TOOL_OPTIONS,
          label: bilingual('使用ツール', 'Tool'),
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          index: true,
          defaultValue: 'confirmed',
          options: BOOKING_STATUS_OPTIONS,
          label: bilingual('状態', 'Status'),
        },
      ],
    },
    { name: 'meetingUrl', type: 'text', label: bilingual('接続URL', 'Meeting URL') },
    {
      name: 'applicant',
      type: 'group',
      label: bilingual('申込者', 'Applicant'),
      fields: APPLICANT_FIELDS.map(applicantFieldConfig),
    },
    {
      name: 'applicantKey',
      type: 'text',
      index: true,
      label: bilingual('申込者キー', 'Applicant key'),
      admin: {
        hidden: true,
        description: bilingual(
          '無断欠席の回数を数えるための仮名化キー',
          'Pseudonymous key to count no-shows',
        ),
      },
    },
    {
      name: 'applicantErasedAt',
      type: 'date',
      index: true,
      label: bilingual('申込者情報を消去した日時', 'Applicant details erased at'),
      admin: { readOnly: true },
    },
    {
      name: 'eligibility',
      type: 'json',
      label: bilingual('対象者の条件への回答', 'Eligibility answers'),
    },
    {
      name: 'consent',
      type: 'group',
      label: bilingual('利用規約への同意', 'Consent to the terms'),
      fields: [
        {
          name: 'termsEdition',
          type: 'relationship',
          relationTo: 'terms-editions',
          label: bilingual('同意した版', 'Edition agreed to'),
          // The hooks set consent (the edition in force for this office) and ignore what clients
          // send; Payload's own check would re-read the whole edition on every booking write.
          validate: () => true as const,
        },
        {
          name: 'contentHash',
          type: 'text',
          label: bilingual('内容ハッシュ', 'Content hash'),
          admin: { readOnly: true },
        },
        {
          name: 'agreedAt',
          type: 'date',
          label: bilingual('同意日時', 'Agreed at'),
          admin: { readOnly: true },
        },
        {
          name: 'method',
          type: 'select',
          label: bilingual('同意の方法', 'How consent was given'),
          options: [
            {
              value: 'online-checkbox',
              label: bilingual('申込者がオンラインで同意', 'Applicant ticked the box online'),
            },
            {
              value: 'shown-by-staff',
              label: bilingual(
                '職員が規約を示して受付（民法548条の2第1項第2号）',
                'Staff showed the terms',
              ),
            },
          ],
          admin: { readOnly: true },
        },
        {
          name: 'shownVia',
          type: 'select',
          label: bilingual('規約を示した方法', 'Terms shown by'),
          options: [
            { value: 'phone', label: bilingual('電話', 'Phone') },
            { value: 'email', label: bilingual('メール', 'E-mail') },
            { value: 'counter', label: bilingual('窓口', 'Counter') },
          ],
          admin: {
            description: bilingual(
              '職員が受け付けるときは必須です。利用規約が適用されることを申込者に示した方法を選びます。',
              'Required when staff book: how the applicant was shown that the terms apply.',
            ),
          },
        },
        {
          name: 'inForceAtBooking',
          type: 'relationship',
          relationTo: 'terms-editions',
          label: bilingual(
            '予約時点で有効だった版（相談日に別の版が施行される場合）',
            'Edition in force when booking, if another governs the session',
          ),
          validate: () => true as const,
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'eligibilityAffirmed',
      type: 'json',
      label: bilingual('確認した対象者の条件（文言）', 'Eligibility statements affirmed (wording)'),
      admin: { readOnly: true },
    },
    // The expiry job looks for holds past this instant.
    {
      name: 'confirmBy',
      type: 'date',
      index: true,
      label: bilingual('確認期限', 'Confirm by'),
      admin: { readOnly: true },
    },
    {
      name: 'statusHistory',
      type: 'array',
      label: bilingual('状態の履歴', 'Status history'),
      admin: { readOnly: true },
      fields: [
        {
          name: 'from',
          type: 'select',
          options: BOOKING_STATUS_OPTIONS,
          label: bilingual('変更前', 'From'),
        },
        {
          name: 'to',
          type: 'select',
          required: true,
          options: BOOKING_STATUS_OPTIONS,
          label: bilingual('変更後', 'To'),
        },
        { name: 'at', type: 'date', required: true, label: bilingual('日時', 'At') },
        { name: 'actor', type: 'text', label: bilingual('実施者', 'Actor') },
        {
          name: 'via',
          type: 'select',
          options: [
            ...CONTACT_METHOD_OPTIONS,
            { value: 'system', label: bilingual('システム', 'System') },
            { value: 'admin', label: bilingual('管理画面', 'Admin') },
          ],
          label: bilingual('連絡手段', 'Channel'),
        },
        { name: 'reason', type: 'text', label: bilingual('理由', 'Reason') },
      ],
    },
    {
      name: 'cancelVia',
      type: 'select',
      options: CONTACT_METHOD_OPTIONS,
      label: bilingual('キャンセルの連絡手段', 'Cancellation came by'),
      admin: {
        description: bilingual(
          'キャンセルを記録するときに選びます。',
          'Pick when recording a cancellation.',
        ),
      },
    },
    {
      name: 'cancelMethodOffered',
      type: 'checkbox',
      label: bilingual('規約に定める方法でのキャンセル', 'Cancelled by a method the terms offer'),
      admin: {
        readOnly: true,
        description: bilingual(
          'オフの場合、規約に定めのない方法で連絡を受けたキャンセルです（無断欠席には当たりません）。',
          'Off: the applicant made contact another way (never a no-show).',
        ),
      },
    },
    {
      name: 'statusReason',
      type: 'text',
      label: bilingual('状態を変更する理由', 'Reason for the status change'),
      admin: {
        description: bilingual(
          '状態の履歴に記録されます。無断欠席の訂正には必須です。',
          'Goes into the status history; required to correct a no-show.',
        ),
      },
    },
    // Concurrency guard: active bookings hold "office|slotStart|seat"; released ones a unique
    // tombstone. A unique index on one required field works the same on SQLite and MongoDB.
    {
      name: 'seatLock',
      type: 'text',
      unique: true,
      index: true,
      access: { read: fieldIsHqAdmin },
      admin: { hidden: true },
    },
    // Bumped by every write; each write first claims the revision it read (see revisionClaims).
    {
      name: 'revision',
      type: 'number',
      defaultValue: 0,
      admin: { hidden: true },
    },
    {
      name: 'confirmTokenHash',
      type: 'text',
      index: true,
      access: { read: nobody, create: nobody, update: nobody },
      admin: { hidden: true },
    },
    {
      name: 'cancelTokenHash',
      type: 'text',
      index: true,
      access: { read: nobody, create: nobody, update: nobody },
      admin: { hidden: true },
    },
    {
      name: 'tokensExpireAt',
      type: 'date',
      access: { read: nobody, create: nobody, update: nobody },
      admin: { hidden: true },
    },
  ],
}
