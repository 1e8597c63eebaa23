import type { Config } from 'payload'

import { expireUnconfirmedBookingsTask, markNoShowsTask } from './bookingTasks'

export function jobsConfig({ autoRun }: { autoRun: boolean }): Config['jobs'] {
  return {
    tasks: [expireUnconfirmedBookingsTask, markNoShowsTask],
    // Schedules are queued and run by this cron; without autoRun (tests) call payload.jobs.run().
    autoRun: autoRun ? [{ cron: '* * * * *', queue: 'default' }] : undefined,
  }
}
