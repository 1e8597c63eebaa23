import type { CollectionConfig } from 'payload'

import { isHqAdmin } from '../access/isHqAdmin'
import { ja } from './i18n'

const nobody = () => false

/**
 * One row per run of a background task, keyed so that the run can be claimed once only. Several
 * server processes each run the job queue; Payload neither queues a schedule once nor hands a job
 * to one runner atomically across processes, so the unique `runKey` index decides who runs it.
 */
export const JobRuns: CollectionConfig = {
  slug: 'job-runs',
  labels: { singular: ja('ジョブ実行', 'Job run'), plural: ja('ジョブ実行', 'Job runs') },
  admin: {
    useAsTitle: 'runKey',
    defaultColumns: ['task', 'scheduledFor', 'claimedBy', 'claimedAt'],
    group: ja('設定', 'Settings'),
  },
  access: { read: isHqAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'runKey',
      type: 'text',
      required: true,
      unique: true,
      label: ja('実行キー', 'Run key'),
    },
    { name: 'task', type: 'text', required: true, label: ja('タスク', 'Task') },
    {
      name: 'scheduledFor',
      type: 'date',
      label: ja('予定時刻', 'Scheduled for'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'jobId', type: 'text', label: ja('ジョブID', 'Job id') },
    { name: 'claimedBy', type: 'text', required: true, label: ja('実行プロセス', 'Claimed by') },
    {
      name: 'claimedAt',
      type: 'date',
      required: true,
      index: true,
      label: ja('実行開始', 'Claimed at'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
