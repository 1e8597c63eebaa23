import { Cron } from 'croner'

/**
 * An event-loop pause on a busy machine can hold a heartbeat back by seconds; below this a live
 * run could be taken for a lost one.
 */
const MIN_STALE_JOB_MS = 10_000

export interface JobTimings {
  /** The gap between two runs of the cron expression. */
  periodMs: number
  /**
   * A job marked processing whose row has not been touched for this long has no runner (its
   * process died, or its batch threw before running it): two cron periods, at least
   * MIN_STALE_JOB_MS.
   */
  staleAfterMs: number
  /** How often a running job touches its row, so that a live run never looks stale. */
  heartbeatMs: number
  /**
   * A task's work (a booking to expire, a no-show to mark) is taken up at most this long after it
   * falls due, even when a job lost its runner just then: the stale job is cleared at the first
   * tick after staleAfterMs, and that tick schedules and runs the task. The run's own time comes
   * on top (a run handles up to 500 bookings; a larger backlog takes further runs).
   */
  dueWithinMs: number
}

export function jobTimings(cron: string): JobTimings {
  const [first, second] = new Cron(cron, { paused: true, sloppyRanges: true }).nextRuns(2)
  if (!first || !second) throw new Error(`KIYAKU_JOBS_CRON "${cron}" does not repeat`)
  const periodMs = second.getTime() - first.getTime()
  const staleAfterMs = Math.max(2 * periodMs, MIN_STALE_JOB_MS)
  return {
    periodMs,
    staleAfterMs,
    heartbeatMs: Math.floor(staleAfterMs / 4),
    dueWithinMs: staleAfterMs + periodMs,
  }
}
