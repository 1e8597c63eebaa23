import type { CollectionConfig } from 'payload'

import { isHqAdmin } from '../../access/isHqAdmin'
import { nobody } from '../../access/nobody'
import { bilingual } from '../i18n'

/** Who did what, when, with before and after. Written by hooks only; HQ reads it. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: {
    singular: bilingual('監査ログ', 'Audit entry'),
    plural: bilingual('監査ログ', 'Audit log'),
  },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['at', 'action', 'collectionSlug', 'actor'],
    group: bilingual('設定', 'Settings'),
  },
  access: { read: isHqAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'at', type: 'date', required: true, index: true, label: bilingual('日時', 'At') },
    { name: 'action', type: 'text', required: true, label: bilingual('操作', 'Action') },
    {
      name: 'collectionSlug',
      type: 'text',
      required: true,
      label: bilingual('対象', 'Collection'),
    },
    {
      name: 'documentId',
      type: 'text',
      required: true,
      index: true,
      label: bilingual('文書ID', 'Document id'),
    },
    { name: 'office', type: 'text', index: true, label: bilingual('事業所', 'Office') },
    { name: 'actor', type: 'text', label: bilingual('実施者', 'Actor') },
    { name: 'before', type: 'json', label: bilingual('変更前', 'Before') },
    { name: 'after', type: 'json', label: bilingual('変更後', 'After') },
  ],
}
