import { createHash, timingSafeEqual } from 'node:crypto'
import { Router, type Request, type RequestHandler } from 'express'
import type { Payload } from 'payload'

import type { KiyakuEnv } from '../config/env'
import { jobLagReader } from '../services/metrics/jobMetrics'
import {
  httpRequestDuration,
  metricsRegistry,
  setJobLagSource,
  startProcessMetrics,
  type JobLag,
} from '../services/metrics/metrics'
import { errorBody } from './errors'

/**
 * The matched route pattern, never the URL: `/public/v1/offices/:slug/terms`, not the slug.
 * Payload's REST API has no Express routes; it is labelled by collection or global slug, which
 * come from the config (a fixed set), and everything else under /api as `/api/*`.
 */
function routeLabel(req: Request, apiSlugs: ReadonlySet<string>): string {
  const path = req.originalUrl.split('?', 1)[0] ?? ''
  const route = req.route as { path?: unknown } | undefined
  if (route && typeof route.path === 'string') {
    // Leaving a router on an error resets baseUrl; the public API is the one router with routes.
    const prefix = req.baseUrl || (path.startsWith('/public/v1/') ? '/public/v1' : '')
    return `${prefix}${route.path}`
  }
  if (path === '/api' || path.startsWith('/api/')) {
    const [first, second] = path.slice('/api/'.length).split('/')
    if (first === 'graphql') return '/api/graphql'
    if (first === 'globals') return `/api/globals/${second && apiSlugs.has(second) ? second : '*'}`
    return first && apiSlugs.has(first) ? `/api/${first}` : '/api/*'
  }
  if (path === '/admin' || path.startsWith('/admin/')) return '/admin/*'
  if (path.startsWith('/_next/')) return '/_next/*'
  return 'unmatched'
}

/** Times every request and counts it by route pattern, method and status. */
export function requestMetrics(payload: Payload): RequestHandler {
  const apiSlugs = new Set([
    ...payload.config.collections.map((collection) => collection.slug),
    ...payload.config.globals.map((global) => global.slug),
  ])
  return (req, res, next) => {
    const started = process.hrtime.bigint()
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      httpRequestDuration.observe(
        { route: routeLabel(req, apiSlugs), method: req.method, status: String(res.statusCode) },
        seconds,
      )
    })
    next()
  }
}

export interface Readiness {
  ready: boolean
  database: 'up' | 'down'
  migrations: 'applied' | 'pending' | 'unknown'
  jobs: (JobLag & { stalled: boolean })[]
}

/**
 * Migrations are applied when every committed migration is recorded in the database. Only SQLite
 * outside schema-push mode runs them; MongoDB needs none (its indexes are built at connection).
 */
function migrationsCheck(payload: Payload, env: KiyakuEnv): () => Promise<boolean> {
  if (env.database.kind !== 'sqlite' || env.pushSchema) return async () => true
  let applied = false
  return async () => {
    if (applied) return true
    const [{ migrations }, { docs }] = await Promise.all([
      import('../migrations'),
      payload.db.find<{ name: string }>({
        collection: 'payload-migrations',
        pagination: false,
        limit: 0,
      }),
    ])
    const recorded = new Set(docs.map((doc) => doc.name))
    applied = migrations.every((migration) => recorded.has(migration.name))
    return applied
  }
}

export interface ReadinessDependencies {
  payload: Payload
  env: KiyakuEnv
  isDatabaseUp: (payload: Payload) => Promise<boolean>
  /** The background tasks' lags; absent in a process that does not run the jobs. */
  jobLags?: () => Promise<JobLag[]>
}

export function readinessCheck({
  payload,
  env,
  isDatabaseUp,
  jobLags,
}: ReadinessDependencies): () => Promise<Readiness> {
  const migrationsApplied = migrationsCheck(payload, env)
  return async () => {
    const up = await isDatabaseUp(payload)
    if (!up) return { ready: false, database: 'down', migrations: 'unknown', jobs: [] }
    const applied = await migrationsApplied().catch(() => false)
    const jobs = (await (jobLags?.().catch(() => []) ?? [])).map((lag) => ({
      ...lag,
      stalled: lag.lagSeconds > lag.boundSeconds,
    }))
    return {
      ready: applied && !jobs.some((job) => job.stalled),
      database: 'up',
      migrations: applied ? 'applied' : 'pending',
      jobs,
    }
  }
}

/**
 * /readyz: 503 until the database answers and the migrations are applied, and while a background
 * task's lag is past its bound (in a process that runs the jobs). /healthz stays liveness.
 * /metrics: Prometheus text, mounted only when METRICS_TOKEN is set, behind that bearer token.
 */
export function operationsRouter({
  payload,
  env,
  isDatabaseUp,
}: Omit<ReadinessDependencies, 'jobLags'>): Router {
  const router = Router()
  const jobLags = env.jobsAutoRun ? jobLagReader(payload, { cron: env.jobsCron }) : undefined
  setJobLagSource(jobLags)
  const readiness = readinessCheck({ payload, env, isDatabaseUp, jobLags })

  router.get('/readyz', async (_req, res) => {
    const state = await readiness()
    res
      .status(state.ready ? 200 : 503)
      .json({ status: state.ready ? 'ready' : 'unavailable', ...state, ready: undefined })
  })

  if (env.metricsToken) {
    startProcessMetrics()
    const expected = digest(env.metricsToken)
    router.get('/metrics', async (req, res) => {
      const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
      if (!given || !timingSafeEqual(digest(given), expected)) {
        res
          .status(401)
          .setHeader('www-authenticate', 'Bearer realm="metrics"')
          .json(errorBody('unauthorized', '認証が必要です。'))
        return
      }
      res.setHeader('content-type', metricsRegistry.contentType)
      res.setHeader('cache-control', 'no-store')
      res.send(await metricsRegistry.metrics())
    })
  }
  return router
}

/** Equal-length inputs for timingSafeEqual, whatever length the client sent. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest()
}
