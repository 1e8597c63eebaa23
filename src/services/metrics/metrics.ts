import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/**
 * Every metric Kiyaku reports, in one registry (exposed at /metrics when METRICS_TOKEN is set).
 *
 * Labels are always taken from small fixed sets: a route pattern (never the URL), an HTTP
 * method and status, a booking channel, a rule code, a task slug. Never a slug from the URL, an
 * id, a reference, an address or anything an applicant typed.
 */
export const metricsRegistry = new Registry()

export const httpRequestDuration = new Histogram({
  name: 'kiyaku_http_request_duration_seconds',
  help: 'HTTP requests by matched route pattern, method and status (its _count is the request count)',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
})

export const bookingsCreated = new Counter({
  name: 'kiyaku_bookings_created_total',
  help: 'Bookings created, by channel, whichever path they came by',
  labelNames: ['channel'] as const,
  registers: [metricsRegistry],
})

const bookingsRefused = new Counter({
  name: 'kiyaku_bookings_refused_total',
  help: 'New bookings refused by a booking rule, by rule code',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
})

export const jobRuns = new Counter({
  name: 'kiyaku_job_runs_total',
  help: 'Background task runs in this process: ran, or claimed_elsewhere (another process ran it)',
  labelNames: ['task', 'result'] as const,
  registers: [metricsRegistry],
})

export const jobFailures = new Counter({
  name: 'kiyaku_job_failures_total',
  help: 'Background task runs in this process that failed',
  labelNames: ['task'] as const,
  registers: [metricsRegistry],
})

const termsCacheLookups = new Counter({
  name: 'kiyaku_terms_cache_lookups_total',
  help: 'Public terms responses served from the in-process cache (hit) or rendered (miss)',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
})
/** Bound once: the terms route is the busiest path and counts on every request. */
export const termsCacheHit = termsCacheLookups.labels('hit')
export const termsCacheMiss = termsCacheLookups.labels('miss')

export interface JobLag {
  task: string
  lagSeconds: number
  boundSeconds: number
}

let jobLagSource: (() => Promise<JobLag[]>) | undefined

/** Where the lag gauges read from (set by the server that runs the jobs); absent, they are empty. */
export function setJobLagSource(source: (() => Promise<JobLag[]>) | undefined): void {
  jobLagSource = source
}

async function currentJobLags(): Promise<JobLag[]> {
  return jobLagSource ? jobLagSource().catch(() => []) : []
}

new Gauge({
  name: 'kiyaku_job_lag_seconds',
  help: 'Time since each background task last ran in any process on this database',
  labelNames: ['task'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset()
    for (const { task, lagSeconds } of await currentJobLags()) this.set({ task }, lagSeconds)
  },
})

new Gauge({
  name: 'kiyaku_job_lag_bound_seconds',
  help: 'The lag past which /readyz reports the task as stalled',
  labelNames: ['task'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset()
    for (const { task, boundSeconds } of await currentJobLags()) this.set({ task }, boundSeconds)
  },
})

let defaultMetricsStarted = false

/** Event-loop lag, memory, GC and the rest of prom-client's process metrics; once per process. */
export function startProcessMetrics(): void {
  if (defaultMetricsStarted) return
  defaultMetricsStarted = true
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'kiyaku_' })
}

/** Counts a refused new booking by its rule code (a fixed set) and hands the error back to throw. */
export function countedRefusal<E extends { data?: { code?: unknown } }>(error: E): E {
  const code = error.data?.code
  bookingsRefused.inc({ code: typeof code === 'string' ? code : 'unknown' })
  return error
}
