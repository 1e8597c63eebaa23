import type { CollectionConfig } from 'payload'

import { hqOrAdminOfThisOffice } from '../../access/hqOrAdminOfThisOffice'
import { isHqAdmin } from '../../access/isHqAdmin'
import { fieldIsHqAdmin } from '../../access/fieldIsHqAdmin'
import { fieldIsLoggedIn } from '../../access/fieldIsLoggedIn'
import { isEmbedOrigin } from '../../rules/embedOrigin'
import { fieldHqOrMemberOfThisOffice } from '../../access/fieldHqOrMemberOfThisOffice'
import { MAX_APPLICANT_RETENTION_DAYS } from '../../rules/booking/applicantRetention'
import { OFFICE_SLUG_PATTERN } from '../../rules/offices/officeSlug'
import { bilingual, fieldMessage, fieldMessages, type ValidateOptions } from '../i18n'
import { officesHooks } from './hooks'

/** The tenants. Every office keeps Japan's one time zone, Asia/Tokyo, so it is not stored. */
export const Offices: CollectionConfig = {
  slug: 'offices',
  labels: { singular: bilingual('事業所', 'Office'), plural: bilingual('事業所', 'Offices') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'prefecture'],
    group: bilingual('設定', 'Settings'),
    description: bilingual(
      '利用規約と予約ポリシーを持つハローワーク（テナント）です。',
      'Hello Work offices (tenants), each with its own terms and reservation policy.',
    ),
  },
  access: {
    read: () => true,
    create: isHqAdmin,
    update: hqOrAdminOfThisOffice,
    delete: isHqAdmin,
  },
  hooks: officesHooks,
  fields: [
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: bilingual('スラッグ', 'Slug'),
      admin: {
        description: bilingual(
          'URL に使う英小文字の識別子（例: isesaki）',
          'Lower-case id used in URLs, e.g. isesaki',
        ),
      },
      access: { update: fieldIsHqAdmin },
      validate: (value: unknown, options?: ValidateOptions) =>
        typeof value === 'string' && OFFICE_SLUG_PATTERN.test(value)
          ? true
          : fieldMessage(fieldMessages.officeSlug, options),
    },
    {
      name: 'name',
      type: 'text',
      required: true,
      label: bilingual('名称', 'Name'),
      admin: { description: bilingual('例: ハローワーク伊勢崎', 'e.g. ハローワーク伊勢崎') },
    },
    {
      name: 'signatoryTitle',
      type: 'text',
      required: true,
      label: bilingual('規約の名義人', 'Signatory title'),
      admin: {
        description: bilingual('例: 伊勢崎公共職業安定所長', 'e.g. 伊勢崎公共職業安定所長'),
      },
    },
    {
      name: 'prefecture',
      type: 'text',
      required: true,
      label: bilingual('都道府県', 'Prefecture'),
    },
    {
      name: 'phone',
      type: 'text',
      label: bilingual('公開電話番号', 'Public phone'),
      admin: {
        description: bilingual(
          'キャンセル等の連絡先として公開されます',
          'Published as the contact for cancellations',
        ),
      },
    },
    {
      name: 'email',
      type: 'email',
      label: bilingual('公開メールアドレス', 'Public email'),
    },
    {
      name: 'embedOrigins',
      type: 'text',
      hasMany: true,
      label: bilingual('埋め込みを許可するサイト', 'Sites allowed to embed the terms'),
      admin: {
        description: bilingual(
          '利用規約の埋め込み表示（iframe）を許可するサイトのオリジン（例: https://www.example.go.jp）',
          'Origins whose pages may show the terms in an iframe, e.g. https://www.example.go.jp',
        ),
      },
      access: { read: fieldIsLoggedIn },
      validate: (value: unknown, options?: ValidateOptions) =>
        value === null ||
        value === undefined ||
        (Array.isArray(value) && value.every((origin) => isEmbedOrigin(origin)))
          ? true
          : fieldMessage(fieldMessages.embedOrigins, options),
    },
    {
      name: 'hadTermsBeforeKiyaku',
      type: 'checkbox',
      defaultValue: false,
      label: bilingual('Kiyaku導入前から利用規約がある', 'Had terms in force before Kiyaku'),
      admin: {
        description: bilingual(
          'オンの場合、テンプレートから作る最初の版も規約の変更です（お知らせが必要）。現行の規約を取り込んだ版は変更ではありません。',
          'Then a first edition composed from the template is a change and needs a notice; importing the current terms is not.',
        ),
      },
    },
    {
      name: 'staffNotes',
      type: 'textarea',
      label: bilingual('内部メモ', 'Internal notes'),
      admin: {
        description: bilingual(
          'この事業所の職員と本部のみ閲覧できます',
          "Visible to this office's staff and HQ only",
        ),
      },
      access: {
        read: fieldHqOrMemberOfThisOffice,
        create: fieldHqOrMemberOfThisOffice,
        update: fieldHqOrMemberOfThisOffice,
      },
    },
    {
      name: 'applicantRetentionDays',
      type: 'number',
      min: 1,
      max: MAX_APPLICANT_RETENTION_DAYS,
      label: bilingual('申込者情報の保存期間（日）', 'Applicant data retention (days)'),
      access: { read: fieldIsLoggedIn },
      admin: {
        description: bilingual(
          '空欄なら本部の設定に従います。本部の設定より短い日数だけ設定できます。',
          "Empty: HQ's setting applies. Only a shorter period than HQ's may be set.",
        ),
      },
    },
  ],
}

/** Fields anyone may read; the public API and the access test share this list. */
export const PUBLIC_OFFICE_FIELDS = [
  'slug',
  'name',
  'signatoryTitle',
  'prefecture',
  'phone',
  'email',
] as const
