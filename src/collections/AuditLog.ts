import type { CollectionConfig } from 'payload'

import { isHqAdmin } from '../access/isHqAdmin'
import { ja } from './i18n'

const nobody = () => false

/** Who did what, when, with before and after. Written by hooks only; HQ reads it. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: ja('監査ログ', 'Audit entry'), plural: ja('監査ログ', 'Audit log') },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['at', 'action', 'collectionSlug', 'actor'],
    group: ja('設定', 'Settings'),
  },
  access: { read: isHqAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'at', type: 'date', required: true, index: true, label: ja('日時', 'At') },
    { name: 'action', type: 'text', required: true, label: ja('操作', 'Action') },
    { name: 'collectionSlug', type: 'text', required: true, label: ja('対象', 'Collection') },
    {
      name: 'documentId',
      type: 'text',
      required: true,
      index: true,
      label: ja('文書ID', 'Document id'),
    },
    { name: 'office', type: 'text', index: true, label: ja('事業所', 'Office') },
    { name: 'actor', type: 'text', label: ja('実施者', 'Actor') },
    { name: 'before', type: 'json', label: ja('変更前', 'Before') },
    { name: 'after', type: 'json', label: ja('変更後', 'After') },
  ],
}
