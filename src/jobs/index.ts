import type { Config } from 'payload'

import { expireUnconfirmedBookingsTask, markNoShowsTask } from './bookingTasks'
import { jobTimings } from './jobTimings'
import { eraseExpiredApplicantsTask } from './retentionTask'

/**
 * `cron` both queues the scheduled tasks and works the queue (KIYAKU_JOBS_CRON, every minute by
 * default). Without autoRun (tests) nothing runs unless the code calls payload.jobs.run().
 * Completed jobs are kept and pruned later (pruneFinishedJobs): deleting them at once races
 * with another process's runJobs on SQLite and leaves its batch stuck as processing.
 */
export function jobsConfig({ autoRun, cron }: { autoRun: boolean; cron: string }): Config['jobs'] {
  const timings = jobTimings(cron)
  return {
    tasks: [
      expireUnconfirmedBookingsTask(cron, timings),
      markNoShowsTask(cron, timings),
      eraseExpiredApplicantsTask(cron, timings),
    ],
    autoRun: autoRun ? [{ cron, queue: 'default' }] : undefined,
    deleteJobOnComplete: false,
  }
}
