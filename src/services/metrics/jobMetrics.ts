import { Cron } from 'croner'
import type { Config, Payload, TaskConfig } from 'payload'

import { jobFailures, jobRuns, type JobLag } from './metrics'

/**
 * The shortest lag bound: a job left processing by a killed server blocks its schedule for up to
 * 10 minutes (see src/jobs/clearStaleJobs), which is not yet a stall worth taking servers out of
 * rotation for; the terms promise expiry within the hour.
 */
export const MIN_JOB_LAG_BOUND_MS = 15 * 60_000
/** A task that missed this many of its scheduled runs in a row is stalled. */
const MISSED_RUNS_BOUND = 3

/** The lag past which a task counts as stalled, for a task scheduled on `cron`. */
function jobLagBoundMs(cron: string, from: Date = new Date()): number {
  const [first, second] = new Cron(cron, { paused: true }).nextRuns(2, from)
  const interval = first && second ? second.getTime() - first.getTime() : 0
  return Math.max(MIN_JOB_LAG_BOUND_MS, MISSED_RUNS_BOUND * interval)
}

/**
 * Counts each task run of this process: ran, claimed_elsewhere (the handler found the run claimed
 * by another process, see src/jobs/claimJobRun), or failed. Wraps the handlers from outside
 * src/jobs, so the tasks themselves know nothing of metrics.
 */
export function instrumentJobs(jobs: Config['jobs']): Config['jobs'] {
  if (!jobs?.tasks) return jobs
  return { ...jobs, tasks: jobs.tasks.map(instrumentTask) }
}

function instrumentTask<T extends TaskConfig>(task: T): T {
  const { handler, slug } = task
  if (typeof handler !== 'function') return task
  const counted: typeof handler = async (args) => {
    try {
      const result = await handler(args)
      const output = (result as { output?: { ran?: unknown } } | undefined)?.output
      jobRuns.inc({ task: slug, result: output?.ran === false ? 'claimed_elsewhere' : 'ran' })
      return result
    } catch (error) {
      jobFailures.inc({ task: slug })
      throw error
    }
  }
  return { ...task, handler: counted }
}

/** Claimed runs are the one record of a run that every process on the database shares. */
async function lastRunOf(payload: Payload, task: string): Promise<Date | null> {
  const { docs } = await payload.db.find<{ claimedAt: string }>({
    collection: 'claims',
    where: {
      and: [{ kind: { equals: 'job-run' } }, { key: { contains: `job|${task}|` } }],
    },
    sort: '-claimedAt',
    limit: 1,
    pagination: false,
  })
  const claimedAt = docs[0]?.claimedAt
  return claimedAt ? new Date(claimedAt) : null
}

const LAG_CACHE_MS = 2_000

/**
 * The time since each scheduled task last ran in any process, counted from `since` (the server's
 * start) when it has not run since: a fresh server is not lagging. Read at most every 2 s, as
 * probes and scrapes may come often.
 */
export function jobLagReader(
  payload: Payload,
  {
    cron,
    since = new Date(),
    now = () => new Date(),
  }: { cron: string; since?: Date; now?: () => Date },
): () => Promise<JobLag[]> {
  const tasks = (payload.config.jobs?.tasks ?? []).map((task) => task.slug)
  const boundSeconds = jobLagBoundMs(cron) / 1000
  let cached: { at: number; value: Promise<JobLag[]> } | undefined
  return () => {
    const at = now()
    if (cached && at.getTime() - cached.at < LAG_CACHE_MS) return cached.value
    const value = Promise.all(
      tasks.map(async (task): Promise<JobLag> => {
        const last = await lastRunOf(payload, task)
        const from = last && last > since ? last : since
        return {
          task,
          lagSeconds: Math.max(0, (at.getTime() - from.getTime()) / 1000),
          boundSeconds,
        }
      }),
    )
    cached = { at: at.getTime(), value }
    value.catch(() => (cached = undefined))
    return value
  }
}
