import type { CollectionConfig } from 'payload'

import { hqOrOfficeAdmin } from '../../access/hqOrOfficeAdmin'
import { hqOrOfficeAdminCreates } from '../../access/hqOrOfficeAdminCreates'
import { publishedOrOfficeMember } from '../../access/publishedOrOfficeMember'
import { bilingual } from '../i18n'
import { publicationStatusField } from '../options'
import { changeNoticesHooks } from './hooks'

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
  hooks: changeNoticesHooks,
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
      // 民法548条の4第1項第2号 weighs these; a ground-2 notice is published only with all four,
      // and its `reasons` is written from them (rules/terms/changeReasons.ts).
      name: 'reasonFactors',
      type: 'group',
      label: bilingual('変更の理由（第2号の考慮要素）', 'Reasons (the factors of ground (ii))'),
      admin: {
        condition: (data) => data?.ground !== '1' && data?.kind !== 'withdrawal',
        description: bilingual(
          '第2号による変更では、4つとも記入しないと公表できません。',
          'A ground (ii) change is published only with all four.',
        ),
      },
      fields: [
        {
          name: 'necessity',
          type: 'textarea',
          label: bilingual('変更の必要性', 'Necessity of the change'),
        },
        {
          name: 'appropriateness',
          type: 'textarea',
          label: bilingual('変更後の内容の相当性', 'Appropriateness of the new content'),
        },
        {
          name: 'changeClause',
          type: 'textarea',
          label: bilingual(
            '変更条項の有無及びその内容',
            'Whether the terms have a change clause, and what it says',
          ),
        },
        {
          name: 'disadvantage',
          type: 'textarea',
          label: bilingual(
            '利用者の不利益の程度と緩和措置（その他の変更に係る事情）',
            'Users’ disadvantage and its mitigation (other circumstances)',
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
          '第1号の場合は公表に必須です。第2号の場合は上の4つの考慮要素から自動で作ります。',
          'Required to publish on ground (i). On ground (ii), written from the four factors above.',
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
