import type { CollectionConfig } from 'payload'

import { fieldIsLoggedIn } from '../../access/fieldIsLoggedIn'
import { hqOrOfficeAdmin } from '../../access/hqOrOfficeAdmin'
import { hqOrOfficeAdminCreates } from '../../access/hqOrOfficeAdminCreates'
import { publishedOrOfficeMember } from '../../access/publishedOrOfficeMember'
import {
  publishEditionEndpoint,
  withdrawEditionEndpoint,
} from '../../endpoints/terms/adminEndpoints'
import { bilingual } from '../i18n'
import { publicationStatusField, validateIsoDate } from '../options'
import { termsEditionsHooks } from './hooks'

/**
 * An office's terms as in force from effectiveFrom (00:00 JST) until the next published edition's
 * effectiveFrom. Composed from the HQ template, the office's policy and its overrides (or imported);
 * immutable once published, so a change is a new edition with a change notice.
 */
export const TermsEditions: CollectionConfig = {
  slug: 'terms-editions',
  labels: {
    singular: bilingual('利用規約の版', 'Terms edition'),
    plural: bilingual('利用規約の版', 'Terms editions'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['number', 'office', 'effectiveFrom', 'status'],
    group: bilingual('利用規約', 'Terms'),
  },
  access: {
    read: publishedOrOfficeMember,
    create: hqOrOfficeAdminCreates,
    update: hqOrOfficeAdmin,
    delete: hqOrOfficeAdmin,
  },
  indexes: [{ fields: ['office', 'number'], unique: true }],
  hooks: termsEditionsHooks,
  endpoints: [
    { path: '/:id/publish', method: 'post', handler: publishEditionEndpoint },
    { path: '/:id/withdraw', method: 'post', handler: withdrawEditionEndpoint },
  ],
  fields: [
    { name: 'title', type: 'text', label: bilingual('表題', 'Title'), admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'number',
          type: 'number',
          required: true,
          min: 1,
          label: bilingual('版番号', 'Edition number'),
          admin: {
            description: bilingual(
              'API で空欄にすると次の番号を付けます。',
              'Left out through the API, the next number is taken.',
            ),
          },
        },
        {
          name: 'effectiveFrom',
          type: 'text',
          required: true,
          validate: validateIsoDate,
          label: bilingual('施行日', 'Effective from'),
          admin: {
            placeholder: '2026-04-01',
            description: bilingual(
              'この日の 0:00（日本時間）から効力を生じます。',
              'In force from 00:00 JST of this day.',
            ),
          },
        },
        // withdrawn: a published change called off before it took effect (with its own notice).
        publicationStatusField(bilingual('公開済み', 'Published'), [
          { value: 'withdrawn', label: bilingual('取りやめ', 'Withdrawn') },
        ]),
      ],
    },
    {
      name: 'template',
      type: 'relationship',
      relationTo: 'terms-templates',
      label: bilingual('テンプレート', 'Template'),
    },
    {
      name: 'policy',
      type: 'relationship',
      relationTo: 'reservation-policies',
      label: bilingual('予約ポリシー', 'Reservation policy'),
      admin: {
        readOnly: true,
        description: bilingual(
          '施行日時点で適用される予約ポリシー（自動）',
          'The policy in force on the effective date (set automatically)',
        ),
      },
    },
    {
      name: 'overrides',
      type: 'json',
      label: bilingual('事業所独自の条文', 'Office article overrides'),
      admin: {
        description: bilingual('条の追加・差し替え・削除', 'Articles added, replaced or removed'),
      },
    },
    {
      name: 'content',
      type: 'json',
      label: bilingual('条文', 'Content'),
      admin: {
        readOnly: true,
        description: bilingual(
          '公開時に固定される条文です。',
          'The articles, fixed when published.',
        ),
      },
    },
    {
      name: 'contentHash',
      type: 'text',
      index: true,
      label: bilingual('内容ハッシュ', 'Content hash'),
      admin: { readOnly: true },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: bilingual('公開日時', 'Published at'),
      admin: { readOnly: true },
    },
    {
      name: 'withdrawnAt',
      type: 'date',
      label: bilingual('取りやめた日時', 'Withdrawn at'),
      admin: { readOnly: true, condition: (data) => data?.status === 'withdrawn' },
    },
    // Exactly one published edition per office and effective date: "office|date" once published,
    // a unique placeholder while a draft. One unique field works on SQLite and MongoDB alike.
    {
      name: 'publishedKey',
      type: 'text',
      unique: true,
      index: true,
      access: { read: fieldIsLoggedIn },
      admin: { hidden: true },
    },
  ],
}
