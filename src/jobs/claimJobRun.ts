import { hostname } from 'node:os'
import type { Payload } from 'payload'

import { isUniqueConflict } from '../services/database/uniqueConflict'

/** Claims are kept this long, so HQ can see which process ran what; older ones are removed. */
export const JOB_RUN_RETENTION_MS = 7 * 24 * 60 * 60_000

export const THIS_PROCESS = `${hostname()}:${process.pid}`

export interface JobToClaim {
  id: number | string
  /** Set by Payload for a scheduled job: the cron time it was queued for. */
  waitUntil?: string | Date | null
}

/**
 * The key that makes a run unique: a scheduled job by its task and cron time (two processes may
 * each queue the same schedule), any other job by its id (two processes may each pick it up).
 */
export function runKeyOf(task: string, job: JobToClaim): string {
  if (job.waitUntil) return `${task}|${new Date(job.waitUntil).toISOString()}`
  return `${task}|job:${job.id}`
}

/**
 * True if this process may run the job: its claim row was written. False when another process
 * claimed the same run first (the unique runKey index refused this write), whatever the adapter.
 */
export async function claimJobRun(
  payload: Payload,
  task: string,
  job: JobToClaim,
  now: Date = new Date(),
): Promise<boolean> {
  const runKey = runKeyOf(task, job)
  try {
    await payload.create({
      collection: 'job-runs',
      data: {
        runKey,
        task,
        scheduledFor: job.waitUntil ? new Date(job.waitUntil).toISOString() : null,
        jobId: String(job.id),
        claimedBy: THIS_PROCESS,
        claimedAt: now.toISOString(),
      },
      overrideAccess: true,
      depth: 0,
    })
  } catch (error) {
    if (isUniqueConflict(error, 'job-runs', { name: 'runKey', column: 'run_key' })) {
      payload.logger.info({ jobRun: { runKey, ran: false } }, 'job run claimed by another process')
      return false
    }
    throw error
  }
  payload.logger.info({ jobRun: { runKey, ran: true } }, 'job run claimed')
  await payload.db.deleteMany({
    collection: 'job-runs',
    where: {
      claimedAt: { less_than: new Date(now.getTime() - JOB_RUN_RETENTION_MS).toISOString() },
    },
  })
  return true
}
