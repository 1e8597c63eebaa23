import type { CollectionConfig } from 'payload'

import { isHqAdmin } from '../../access/isHqAdmin'
import { nobody } from '../../access/nobody'
import type { ClaimKind } from '../../services/claims/claims'
import { bilingual } from '../i18n'

const CLAIM_KIND_LABELS: Record<ClaimKind, ReturnType<typeof bilingual>> = {
  'job-run': bilingual('ジョブの実行', 'Job run'),
  'booking-revision': bilingual('予約の更新', 'Booking write'),
  'standing-merge': bilingual('申込者記録の統合', 'Standing merge'),
}

/**
 * "This happens once": a row per claimed key, written before the work it stands for. Several
 * server processes share one database and Payload offers no atomic read-then-write on SQLite
 * without transactions, so the unique `key` index decides who goes ahead:
 * - a job run (task and scheduled time): one process runs it;
 * - a booking's write from its n-th revision: one write wins, a concurrent second one (a link
 *   used twice, a confirmation racing the expiry job, a staff edit) is refused.
 */
export const Claims: CollectionConfig = {
  slug: 'claims',
  labels: { singular: bilingual('実行記録', 'Claim'), plural: bilingual('実行記録', 'Claims') },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['key', 'kind', 'claimedBy', 'claimedAt'],
    group: bilingual('設定', 'Settings'),
  },
  access: { read: isHqAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, label: bilingual('キー', 'Key') },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: Object.entries(CLAIM_KIND_LABELS).map(([value, label]) => ({ value, label })),
      label: bilingual('種類', 'Kind'),
    },
    {
      name: 'claimedBy',
      type: 'text',
      required: true,
      label: bilingual('実行プロセス', 'Claimed by'),
    },
    {
      name: 'claimedAt',
      type: 'date',
      required: true,
      index: true,
      label: bilingual('日時', 'Claimed at'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
