import type { Payload, TaskConfig } from 'payload'

type BeforeSchedule = NonNullable<
  NonNullable<NonNullable<TaskConfig['schedule']>[number]['hooks']>['beforeSchedule']
>

/** Finished jobs are kept this long (for the admin's jobs list), then removed. */
export const FINISHED_JOB_KEEP_MS = 60 * 60_000
/** Failed jobs are kept longer, for whoever looks into the failure. */
const FAILED_JOB_KEEP_MS = 7 * 24 * 60 * 60_000

/**
 * Payload schedules a task only while no earlier job of it is queued or processing. A job marked
 * processing that lost its runner (a killed server, or a batch whose run threw before reaching
 * it) would stop the task from being scheduled again; such jobs are removed first. A running job
 * touches its row every heartbeat, so only a job without a runner gets this old.
 */
export async function clearStaleJobs(
  payload: Payload,
  taskSlug: string,
  staleAfterMs: number,
  now: Date = new Date(),
): Promise<void> {
  await payload.db.deleteMany({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: taskSlug } },
        { processing: { equals: true } },
        { updatedAt: { less_than: new Date(now.getTime() - staleAfterMs).toISOString() } },
      ],
    },
  })
}

/**
 * Jobs are not deleted when they complete (jobsConfig): on SQLite, Payload's runJobs finds a
 * batch and then marks each row processing, and a row deleted in between by another process
 * makes the whole run throw with the rest of its batch left processing. Finished rows are
 * removed here instead, long after any run could still have found them (a run only finds rows
 * that are neither completed nor failed).
 */
async function pruneFinishedJobs(
  payload: Payload,
  taskSlug: string,
  now: Date = new Date(),
): Promise<void> {
  const before = (ms: number) => new Date(now.getTime() - ms).toISOString()
  await payload.db.deleteMany({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: taskSlug } },
        { processing: { equals: false } },
        {
          or: [
            { completedAt: { less_than: before(FINISHED_JOB_KEEP_MS) } },
            {
              and: [
                { hasError: { equals: true } },
                { updatedAt: { less_than: before(FAILED_JOB_KEEP_MS) } },
              ],
            },
          ],
        },
      ],
    },
  })
}

export function scheduleAfterClearingStaleJobs(staleAfterMs: number): BeforeSchedule {
  return async (args) => {
    const taskSlug = args.queueable.taskConfig?.slug
    if (taskSlug) {
      await clearStaleJobs(args.req.payload, taskSlug, staleAfterMs)
      await pruneFinishedJobs(args.req.payload, taskSlug)
    }
    return args.defaultBeforeSchedule(args)
  }
}
