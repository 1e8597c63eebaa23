import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getPayload, type Payload } from 'payload'
import type { Logger } from 'pino'

import type { KiyakuEnv } from '../config/env'
import { kiyakuConfig, type KiyakuConfigOptions } from '../config/payloadConfig'
import { rekeyApplicantKeys } from '../services/bookings/rekeyApplicantKeys'
import { registerSqliteServer } from '../services/database/sqliteServers'
import { DEMO_EMAIL_DOMAIN, seedDemoData } from '../seed'
import { createApp, type ExtraRoutes } from './app'
import { createLogger } from './logger'

/** getPayload caches its instance globally; a later start in the same process must not get this one back. */
function forgetCachedPayload(payload: Payload): void {
  const cache = (globalThis as { _payload?: Map<string, { payload: Payload | null }> })._payload
  if (cache?.get('default')?.payload === payload) cache.delete('default')
}

/**
 * Demo accounts share a published password. A production start that finds one (seeded by an
 * earlier start without NODE_ENV=production) stops rather than serve with it.
 */
async function refuseDemoAccounts(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.db.count({
    collection: 'users',
    where: { email: { like: DEMO_EMAIL_DOMAIN } },
  })
  if (totalDocs > 0) {
    throw new Error(
      `${totalDocs} demo account(s) (${DEMO_EMAIL_DOMAIN}, published password) exist in this database; ` +
        'NODE_ENV=production does not start with them. Delete them (or use a database that never ran the demo).',
    )
  }
}

export interface RunningKiyaku {
  payload: Payload
  server: Server
  url: string
  logger: Logger
  stop: () => Promise<void>
}

export interface StartOptions {
  /** Demo data; never in production. */
  seed?: boolean
  adminHandler?: Parameters<typeof createApp>[0]['adminHandler']
  extraCollections?: KiyakuConfigOptions['extraCollections']
  extraRoutes?: ExtraRoutes
}

export async function startKiyaku(
  env: KiyakuEnv,
  options: StartOptions = {},
): Promise<RunningKiyaku> {
  const logger = createLogger(env.logLevel)
  const config = await kiyakuConfig(env, { logger, extraCollections: options.extraCollections })
  // So that `npm run restore` refuses to replace the file under this server.
  const sqliteFile = env.database.kind === 'sqlite' ? env.database.url.slice('file:'.length) : ''
  const unregister =
    sqliteFile && !sqliteFile.startsWith(':memory:')
      ? registerSqliteServer(sqliteFile)
      : () => undefined
  let payload: Payload
  try {
    // The job crons start below, once the schema is migrated: a tick before that fails.
    payload = await getPayload({ config, cron: false })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Cannot connect to the database at ${env.database.host}: ${reason}`, {
      cause: error,
    })
  }
  if (env.database.kind === 'sqlite' && !env.pushSchema) {
    const { migrations } = await import('../migrations')
    // The generated migration modules type their args precisely; the adapter takes them loosely.
    await payload.db.migrate({
      migrations: migrations as unknown as NonNullable<
        Parameters<typeof payload.db.migrate>[0]
      >['migrations'],
    })
  }
  // Keys stored unkeyed by earlier versions are keyed before anything reads them.
  const rekeyed = await rekeyApplicantKeys(payload)
  if (rekeyed.bookings + rekeyed.standings > 0) logger.info(rekeyed, 'applicant keys rekeyed')
  if (env.nodeEnv === 'production') {
    await refuseDemoAccounts(payload).catch(async (error: unknown) => {
      await payload.destroy()
      forgetCachedPayload(payload)
      throw error
    })
  }
  const seed = options.seed ?? env.seedDemo
  if (seed && env.nodeEnv !== 'production')
    await seedDemoData(payload, { password: env.demoPassword, logger })
  // getPayload on the cached instance, now with crons: it starts the job queue's crons.
  if (env.jobsAutoRun) await getPayload({ config, cron: true })

  const app = createApp({
    payload,
    env,
    logger,
    adminHandler: options.adminHandler,
    extraRoutes: options.extraRoutes,
  })
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(env.port, env.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    )
  })
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  logger.info(
    { url: `http://localhost:${port}`, database: env.database.kind },
    'Kiyaku is listening',
  )

  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      // Stop accepting, let requests in flight finish, then close the database.
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      })
      await payload.destroy()
      forgetCachedPayload(payload)
      unregister()
    })())
  return { payload, server, url, logger, stop }
}
