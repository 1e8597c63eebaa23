import type { CollectionConfig } from 'payload'

import { hqOrOfficeAdmin } from '../access/hqOrOfficeAdmin'
import { hqOrOfficeMember } from '../access/hqOrOfficeMember'
import { hqOrOfficeMemberCreates } from '../access/hqOrOfficeMemberCreates'
import { ja } from './i18n'

/**
 * Per office and applicant (by a pseudonymous key, never the raw contact): unannounced no-shows
 * and whether the office refuses further bookings (第6条).
 */
export const ApplicantStandings: CollectionConfig = {
  slug: 'applicant-standings',
  labels: {
    singular: ja('利用状況', 'Applicant standing'),
    plural: ja('利用状況', 'Applicant standings'),
  },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'noShowCount', 'refused'],
    group: ja('予約', 'Booking'),
  },
  access: {
    read: hqOrOfficeMember,
    create: hqOrOfficeMemberCreates,
    update: hqOrOfficeMember,
    delete: hqOrOfficeAdmin,
  },
  indexes: [{ fields: ['office', 'applicantKey'], unique: true }],
  fields: [
    {
      name: 'applicantKey',
      type: 'text',
      required: true,
      label: ja('申込者キー', 'Applicant key'),
    },
    {
      name: 'label',
      type: 'text',
      label: ja('表示名', 'Label'),
      admin: { description: ja('職員が識別するための表示名', 'For staff to recognise') },
    },
    {
      name: 'noShowCount',
      type: 'number',
      required: true,
      defaultValue: 0,
      min: 0,
      label: ja('無断欠席の回数', 'No-shows'),
    },
    {
      name: 'refused',
      type: 'checkbox',
      defaultValue: false,
      label: ja('利用をお断りする', 'Refused'),
    },
    { name: 'reason', type: 'textarea', label: ja('理由', 'Reason') },
  ],
}
