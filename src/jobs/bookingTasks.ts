import type { Payload, TaskConfig } from 'payload'

import { expireUnconfirmedBookings, markNoShows } from '../services/bookings/maintenance'
import { claimJobRun } from './claimJobRun'
import { scheduleAfterClearingStaleJobs } from './clearStaleJobs'
import type { JobTimings } from './jobTimings'

/**
 * `cron` is when the schedule queues a run (every minute in production). Each run is claimed
 * first, so with several server processes on one database it is carried out by one of them only;
 * the others report `ran: false`. A job that lost its runner stops blocking the schedule after
 * `staleAfterMs` (clearStaleJobs); a live run keeps its row fresh with a heartbeat. No retries: a
 * retry would find its own claim and do nothing; the next scheduled run picks up whatever a
 * failed one left.
 */
export function scheduleOn(cron: string, timings: JobTimings): TaskConfig['schedule'] {
  return [
    {
      cron,
      queue: 'default',
      hooks: { beforeSchedule: scheduleAfterClearingStaleJobs(timings.staleAfterMs) },
    },
  ]
}

/** Runs `work` while touching the job's row every `everyMs`, so that it never looks stale. */
export async function withHeartbeat<T>(
  payload: Payload,
  jobId: number | string,
  everyMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const beat = setInterval(() => {
    payload.db
      .updateJobs({ id: jobId, data: { updatedAt: new Date().toISOString() }, returning: false })
      .catch((err: unknown) => payload.logger.warn({ err, jobId }, 'job heartbeat failed'))
  }, everyMs)
  beat.unref()
  try {
    return await work()
  } finally {
    clearInterval(beat)
  }
}

export function expireUnconfirmedBookingsTask(
  cron: string,
  timings: JobTimings,
): TaskConfig<'expireUnconfirmedBookings'> {
  return {
    slug: 'expireUnconfirmedBookings',
    label: '確認されなかった予約を期限切れにする',
    schedule: scheduleOn(cron, timings),
    retries: 0,
    outputSchema: [
      { name: 'ran', type: 'checkbox', required: true },
      { name: 'expired', type: 'number', required: true },
    ],
    handler: async ({ job, req }) =>
      withHeartbeat(req.payload, job.id, timings.heartbeatMs, async () => {
        if (!(await claimJobRun(req.payload, 'expireUnconfirmedBookings', job))) {
          return { output: { ran: false, expired: 0 } }
        }
        return { output: { ran: true, ...(await expireUnconfirmedBookings(req.payload)) } }
      }),
  }
}

export function markNoShowsTask(cron: string, timings: JobTimings): TaskConfig<'markNoShows'> {
  return {
    slug: 'markNoShows',
    label: '無断欠席を記録する',
    schedule: scheduleOn(cron, timings),
    retries: 0,
    outputSchema: [
      { name: 'ran', type: 'checkbox', required: true },
      { name: 'markedNoShow', type: 'number', required: true },
    ],
    handler: async ({ job, req }) =>
      withHeartbeat(req.payload, job.id, timings.heartbeatMs, async () => {
        if (!(await claimJobRun(req.payload, 'markNoShows', job))) {
          return { output: { ran: false, markedNoShow: 0 } }
        }
        return { output: { ran: true, ...(await markNoShows(req.payload)) } }
      }),
  }
}
