import { loadEnv } from '../src/config/env'
import { startKiyaku } from '../src/server/start'
import { benchRecordsCollection } from './benchRecords'
import { benchRouter } from './benchRoutes'

/**
 * The bench server: Kiyaku as src/server/main.ts starts it, plus the bench-records collection and
 * the /bench/* routes. bench/server.ts bundles this file as `npm start` bundles the product and
 * runs it in its own process; NODE_ENV=production is refused, since the routes are unauthenticated.
 */
async function main() {
  const env = loadEnv()
  if (env.nodeEnv === 'production') {
    throw new Error('the bench server opens unauthenticated routes; not with NODE_ENV=production')
  }
  const kiyaku = await startKiyaku(env, {
    extraCollections: [benchRecordsCollection],
    extraRoutes: (app, { payload }) => app.use(benchRouter(payload)),
  })
  process.once('SIGTERM', () => {
    kiyaku.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        kiyaku.logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The bench server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
})
