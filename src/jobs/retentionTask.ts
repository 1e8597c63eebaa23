import type { TaskConfig } from 'payload'

import { eraseExpiredApplicants } from '../services/retention/applicantErasure'
import { scheduleOn, withHeartbeat } from './bookingTasks'
import { claimJobRun } from './claimJobRun'
import type { JobTimings } from './jobTimings'

/**
 * Erases the applicant details of finished bookings past their retention; scheduled and claimed
 * like the booking tasks.
 */
export function eraseExpiredApplicantsTask(
  cron: string,
  timings: JobTimings,
): TaskConfig<'eraseExpiredApplicants'> {
  return {
    slug: 'eraseExpiredApplicants',
    label: '保存期間を過ぎた申込者情報を消去する',
    schedule: scheduleOn(cron, timings),
    retries: 0,
    outputSchema: [
      { name: 'ran', type: 'checkbox', required: true },
      { name: 'erased', type: 'number', required: true },
    ],
    handler: async ({ job, req }) =>
      withHeartbeat(req.payload, job.id, timings.heartbeatMs, async () => {
        if (!(await claimJobRun(req.payload, 'eraseExpiredApplicants', job))) {
          return { output: { ran: false, erased: 0 } }
        }
        return { output: { ran: true, ...(await eraseExpiredApplicants(req.payload)) } }
      }),
  }
}
