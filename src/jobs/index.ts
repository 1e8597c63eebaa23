import type { Config } from 'payload'

import { expireUnconfirmedBookingsTask, markNoShowsTask } from './bookingTasks'

/**
 * `cron` both queues the scheduled tasks and works the queue (KIYAKU_JOBS_CRON, every minute by
 * default). Without autoRun (tests) nothing runs unless the code calls payload.jobs.run().
 */
export function jobsConfig({ autoRun, cron }: { autoRun: boolean; cron: string }): Config['jobs'] {
  return {
    tasks: [expireUnconfirmedBookingsTask(cron), markNoShowsTask(cron)],
    autoRun: autoRun ? [{ cron, queue: 'default' }] : undefined,
  }
}
