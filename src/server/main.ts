import { ConfigError, loadEnv } from '../config/env'

// Some dependencies evaluate with top-level await on work that does not hold the event loop open;
// on a busy machine Node could then exit with code 13 before the server ever started. The timer
// holds the loop until the server listens (or start-up fails).
const holdEventLoop = setInterval(() => undefined, 1000)

async function main() {
  const env = loadEnv()
  const { startKiyaku } = await import('./start')
  const adminHandler = env.adminEnabled
    ? await (await import('./admin')).createAdminHandler(env)
    : undefined
  const kiyaku = await startKiyaku(env, { adminHandler })
  clearInterval(holdEventLoop)
  const shutdown = (signal: string) => {
    kiyaku.logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 15_000)
    force.unref()
    kiyaku.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        kiyaku.logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(
    `${error instanceof ConfigError ? 'Configuration error' : 'Kiyaku failed to start'}: ${message}\n`,
  )
  process.exit(1)
})
