import type { CollectionConfig } from 'payload'

import { hqOrOfficeAdmin } from '../access/hqOrOfficeAdmin'
import { hqOrOfficeAdminCreates } from '../access/hqOrOfficeAdminCreates'
import { publishedOrOfficeMember } from '../access/publishedOrOfficeMember'
import { auditChange } from '../hooks/auditChange'
import { guardChangeNotice, guardChangeNoticeDelete } from '../hooks/guardChangeNotice'
import {
  signalTermsChangeAfterChange,
  signalTermsChangeAfterDelete,
} from '../hooks/signalTermsChange'
import { bilingual } from './i18n'
import { publicationStatusField } from './options'

/**
 * 民法548条の4第2項: states that the terms change, the new content, and when the change takes
 * effect. On ground 2 (reasonable change) the change is void unless announced before that time.
 */
export const ChangeNotices: CollectionConfig = {
  slug: 'change-notices',
  labels: {
    singular: bilingual('変更のお知らせ', 'Change notice'),
    plural: bilingual('変更のお知らせ', 'Change notices'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'office', 'effectiveFrom', 'ground', 'status'],
    group: bilingual('利用規約', 'Terms'),
  },
  access: {
    read: publishedOrOfficeMember,
    create: hqOrOfficeAdminCreates,
    update: hqOrOfficeAdmin,
    delete: hqOrOfficeAdmin,
  },
  hooks: {
    beforeChange: [guardChangeNotice],
    beforeDelete: [guardChangeNoticeDelete],
    afterChange: [auditChange, signalTermsChangeAfterChange],
    afterDelete: [signalTermsChangeAfterDelete],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: bilingual('表題', 'Title'),
      admin: {
        description: bilingual(
          '空欄なら施行日から作ります。',
          'Left empty, made from the effective date.',
        ),
      },
    },
    {
      name: 'edition',
      type: 'relationship',
      relationTo: 'terms-editions',
      required: true,
      // One notice per edition (enforced by the guard hook): it is the announcement of that edition.
      label: bilingual('新しい版（変更後の内容）', 'New edition (the new content)'),
    },
    {
      name: 'previousEdition',
      type: 'relationship',
      relationTo: 'terms-editions',
      label: bilingual('従前の版', 'Previous edition'),
      admin: { readOnly: true },
    },
    {
      name: 'ground',
      type: 'select',
      required: true,
      label: bilingual('変更の根拠（民法548条の4第1項）', 'Ground (Civil Code 548-4(1))'),
      options: [
        {
          value: '1',
          label: bilingual(
            '第1号: 利用者の一般の利益に適合する',
            '(i) fits the users’ general interest',
          ),
        },
        {
          value: '2',
          label: bilingual(
            '第2号: 目的に反せず合理的である',
            '(ii) reasonable and not against the purpose',
          ),
        },
      ],
    },
    {
      name: 'reasons',
      type: 'textarea',
      label: bilingual('変更の理由', 'Reasons'),
      admin: {
        description: bilingual(
          '第2号の場合は公表に必須です（変更の必要性・内容の相当性など）。',
          'Required to publish on ground (ii).',
        ),
      },
    },
    {
      // Set by the write hook (noticeWarnings): what the office should know, not a refusal.
      name: 'warnings',
      type: 'json',
      label: bilingual('注意', 'Warnings'),
      admin: { readOnly: true },
    },
    {
      name: 'summary',
      type: 'textarea',
      label: bilingual('変更の概要', 'Summary'),
      admin: {
        description: bilingual(
          '空欄なら変更された条から作ります。',
          'Left empty, made from the changed articles.',
        ),
      },
    },
    {
      name: 'effectiveFrom',
      type: 'text',
      required: true,
      label: bilingual('効力発生日', 'Takes effect'),
      admin: {
        readOnly: true,
        description: bilingual('版の施行日から自動で設定します。', 'Taken from the edition.'),
      },
    },
    {
      name: 'changedArticles',
      type: 'json',
      label: bilingual('変更された条', 'Changed articles'),
      admin: {
        readOnly: true,
        description: bilingual('新旧の版から自動で算出します。', 'Computed from the two editions.'),
      },
    },
    publicationStatusField(bilingual('公表済み', 'Published')),
    {
      name: 'kind',
      type: 'select',
      defaultValue: 'change',
      label: bilingual('お知らせの種類', 'Kind'),
      options: [
        { value: 'change', label: bilingual('変更', 'Change') },
        { value: 'withdrawal', label: bilingual('変更の取りやめ', 'Withdrawal of a change') },
      ],
      admin: { readOnly: true },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: bilingual('公表日時', 'Published at'),
      admin: { readOnly: true },
    },
  ],
}
