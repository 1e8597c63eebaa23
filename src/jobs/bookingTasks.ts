import type { TaskConfig } from 'payload'

import { expireUnconfirmedBookings, markNoShows } from '../services/bookings/maintenance'
import { claimJobRun } from './claimJobRun'
import { scheduleAfterClearingStaleJobs } from './clearStaleJobs'

/**
 * `cron` is when the schedule queues a run (every minute in production). Each run is claimed
 * first, so with several server processes on one database it is carried out by one of them only;
 * the others report `ran: false`. A job left processing by a killed server does not block the
 * schedule for long (clearStaleJobs). No retries: a retry would find its own claim and do nothing;
 * the next scheduled run picks up whatever a failed one left.
 */
function scheduleOn(cron: string): TaskConfig['schedule'] {
  return [{ cron, queue: 'default', hooks: { beforeSchedule: scheduleAfterClearingStaleJobs } }]
}

export function expireUnconfirmedBookingsTask(
  cron: string,
): TaskConfig<'expireUnconfirmedBookings'> {
  return {
    slug: 'expireUnconfirmedBookings',
    label: '確認されなかった予約を期限切れにする',
    schedule: scheduleOn(cron),
    retries: 0,
    outputSchema: [
      { name: 'ran', type: 'checkbox', required: true },
      { name: 'expired', type: 'number', required: true },
    ],
    handler: async ({ job, req }) => {
      if (!(await claimJobRun(req.payload, 'expireUnconfirmedBookings', job))) {
        return { output: { ran: false, expired: 0 } }
      }
      return { output: { ran: true, ...(await expireUnconfirmedBookings(req.payload)) } }
    },
  }
}

export function markNoShowsTask(cron: string): TaskConfig<'markNoShows'> {
  return {
    slug: 'markNoShows',
    label: '無断欠席を記録する',
    schedule: scheduleOn(cron),
    retries: 0,
    outputSchema: [
      { name: 'ran', type: 'checkbox', required: true },
      { name: 'markedNoShow', type: 'number', required: true },
    ],
    handler: async ({ job, req }) => {
      if (!(await claimJobRun(req.payload, 'markNoShows', job))) {
        return { output: { ran: false, markedNoShow: 0 } }
      }
      return { output: { ran: true, ...(await markNoShows(req.payload)) } }
    },
  }
}
