import type { Payload, TaskConfig } from 'payload'

type BeforeSchedule = NonNullable<
  NonNullable<NonNullable<TaskConfig['schedule']>[number]['hooks']>['beforeSchedule']
>

/** No run of ours takes this long; a job still marked as processing after it lost its process. */
export const STALE_JOB_MS = 10 * 60_000

/**
 * Payload schedules a task only while no earlier job of it is queued or processing. A server
 * killed during a run leaves its job marked as processing for good, which would stop the task
 * from ever being scheduled again; such jobs are removed first.
 */
async function clearStaleJobs(
  payload: Payload,
  taskSlug: string,
  now: Date = new Date(),
): Promise<void> {
  await payload.db.deleteMany({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: taskSlug } },
        { processing: { equals: true } },
        { updatedAt: { less_than: new Date(now.getTime() - STALE_JOB_MS).toISOString() } },
      ],
    },
  })
}

export const scheduleAfterClearingStaleJobs: BeforeSchedule = async (args) => {
  const taskSlug = args.queueable.taskConfig?.slug
  if (taskSlug) await clearStaleJobs(args.req.payload, taskSlug)
  return args.defaultBeforeSchedule(args)
}
