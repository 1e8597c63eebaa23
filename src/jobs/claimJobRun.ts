import type { Payload } from 'payload'

import { claimOnce, pruneClaims } from '../services/claims/claims'

export interface JobToClaim {
  id: number | string
  /** Set by Payload for a scheduled job: the cron time it was queued for. */
  waitUntil?: string | Date | null
  createdAt?: string | null
}

/**
 * The key that makes a run unique: a scheduled job by its task and cron time (two processes may
 * each queue the same schedule), any other job by its id and creation time (two processes may
 * each pick it up; SQLite hands a finished job's id to the next one, so the id alone repeats).
 */
function runKeyOf(task: string, job: JobToClaim): string {
  if (job.waitUntil) return `job|${task}|${new Date(job.waitUntil).toISOString()}`
  return `job|${task}|id:${job.id}@${job.createdAt ?? ''}`
}

/** True if this process may run the job; false when another process claimed the run first. */
export async function claimJobRun(
  payload: Payload,
  task: string,
  job: JobToClaim,
  now: Date = new Date(),
): Promise<boolean> {
  const runKey = runKeyOf(task, job)
  if (!(await claimOnce(payload, { key: runKey, kind: 'job-run', now }))) {
    payload.logger.info({ jobRun: { runKey, ran: false } }, 'job run claimed by another process')
    return false
  }
  payload.logger.info({ jobRun: { runKey, ran: true } }, 'job run claimed')
  await pruneClaims(payload, now)
  return true
}
