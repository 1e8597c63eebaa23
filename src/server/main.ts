import { ConfigError, loadEnv } from '../config/env'

// Lexical's package entry loads its build with a top-level `await import()`, and on Node 20 that
// import graph sometimes never settles: Node then exits with code 13 and says nothing. Starting
// with `--conditions=production` (as `npm start` does) resolves the build directly; should the
// process be started without it, at least say why it ended.
process.on('exit', (code) => {
  if (code === 13) {
    process.stderr.write(
      'Kiyaku failed to start: module loading stalled (exit 13). Start with `node --conditions=production`.\n',
    )
  }
})

async function main() {
  const env = loadEnv()
  const { startKiyaku } = await import('./start')
  const adminHandler = env.adminEnabled
    ? await (await import('./admin')).createAdminHandler(env)
    : undefined
  const kiyaku = await startKiyaku(env, { adminHandler })
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
