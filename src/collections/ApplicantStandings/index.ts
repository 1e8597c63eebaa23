import type { CollectionConfig } from 'payload'

import { hqOrOfficeAdmin } from '../../access/hqOrOfficeAdmin'
import { hqOrOfficeMember } from '../../access/hqOrOfficeMember'
import { hqOrOfficeMemberCreates } from '../../access/hqOrOfficeMemberCreates'
import { bilingual } from '../i18n'
import { applicantStandingsHooks } from './hooks'

/**
 * Per office and applicant (by a pseudonymous key, never the raw contact): unannounced no-shows
 * and whether the office refuses further bookings (第6条).
 */
export const ApplicantStandings: CollectionConfig = {
  slug: 'applicant-standings',
  labels: {
    singular: bilingual('利用状況', 'Applicant standing'),
    plural: bilingual('利用状況', 'Applicant standings'),
  },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'noShowCount', 'refused'],
    group: bilingual('予約', 'Booking'),
  },
  access: {
    read: hqOrOfficeMember,
    create: hqOrOfficeMemberCreates,
    update: hqOrOfficeMember,
    delete: hqOrOfficeAdmin,
  },
  indexes: [{ fields: ['office', 'applicantKey'], unique: true }],
  hooks: applicantStandingsHooks,
  fields: [
    {
      name: 'applicantKey',
      type: 'text',
      required: true,
      label: bilingual('申込者キー', 'Applicant key'),
    },
    {
      name: 'label',
      type: 'text',
      label: bilingual('表示名', 'Label'),
      admin: { description: bilingual('職員が識別するための表示名', 'For staff to recognise') },
    },
    {
      name: 'noShowCount',
      type: 'number',
      required: true,
      defaultValue: 0,
      min: 0,
      label: bilingual('無断欠席の回数', 'No-shows'),
    },
    {
      name: 'reviewDue',
      type: 'checkbox',
      defaultValue: false,
      label: bilingual(
        '要検討（無断欠席が基準に達しました）',
        'Review due (no-shows reached the threshold)',
      ),
      admin: { readOnly: true },
    },
    {
      name: 'refused',
      type: 'checkbox',
      defaultValue: false,
      label: bilingual('利用をお断りする', 'Refused'),
      admin: {
        description: bilingual(
          '事業所の管理者が理由を記入して判断します。申込者にメールでお知らせします。',
          'Decided by an office admin with a reason; the applicant is told by mail.',
        ),
      },
    },
    { name: 'reason', type: 'textarea', label: bilingual('理由', 'Reason') },
    // The id only, not a relationship: a populated booking would carry the applicant's details
    // into the standing, which stays pseudonymous. A refusal is mailed through it.
    {
      name: 'lastNoShowBooking',
      type: 'text',
      label: bilingual('直近の無断欠席の予約（ID）', 'Latest no-show booking (id)'),
      admin: { readOnly: true },
    },
    {
      name: 'refusedAt',
      type: 'date',
      label: bilingual('お断りした日時', 'Refused at'),
      admin: { readOnly: true },
    },
    {
      name: 'refusedBy',
      type: 'text',
      label: bilingual('判断した管理者', 'Refused by'),
      admin: { readOnly: true },
    },
    {
      name: 'applicantNotifiedAt',
      type: 'date',
      label: bilingual('申込者へ通知した日時', 'Applicant told at'),
      admin: { readOnly: true },
    },
  ],
}
