import type { CollectionConfig } from 'payload'

import { isHqAdmin } from '../access/isHqAdmin'
import { ja } from './i18n'

const nobody = () => false

export const CLAIM_KINDS = ['job-run', 'booking-transition'] as const
export type ClaimKind = (typeof CLAIM_KINDS)[number]

/**
 * "This happens once": a row per claimed key, written before the work it stands for. Several
 * server processes share one database and Payload offers no atomic read-then-write on SQLite
 * without transactions, so the unique `key` index decides who goes ahead:
 * - a job run (task and scheduled time): one process runs it;
 * - a booking's status change from its n-th state: one change wins, a concurrent second one
 *   (a link used twice, a confirmation racing the expiry job) is refused.
 */
export const Claims: CollectionConfig = {
  slug: 'claims',
  labels: { singular: ja('実行記録', 'Claim'), plural: ja('実行記録', 'Claims') },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['key', 'kind', 'claimedBy', 'claimedAt'],
    group: ja('設定', 'Settings'),
  },
  access: { read: isHqAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, label: ja('キー', 'Key') },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { value: 'job-run', label: ja('ジョブの実行', 'Job run') },
        { value: 'booking-transition', label: ja('予約の状態変更', 'Booking status change') },
      ],
      label: ja('種類', 'Kind'),
    },
    { name: 'claimedBy', type: 'text', required: true, label: ja('実行プロセス', 'Claimed by') },
    {
      name: 'claimedAt',
      type: 'date',
      required: true,
      index: true,
      label: ja('日時', 'Claimed at'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
