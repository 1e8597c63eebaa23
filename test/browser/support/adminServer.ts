import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

import { loadEnv, type KiyakuEnv } from '../../../src/config/env'
import { createAdminHandler } from '../../../src/server/admin'
import { startKiyaku, type RunningKiyaku } from '../../../src/server/start'

export interface AdminTestServer extends RunningKiyaku {
  env: KiyakuEnv
  close: () => Promise<void>
}

/**
 * The real server with the admin panel, on its own SQLite database. Builds the admin first when
 * `.next` is missing or stale (about a minute). The admin's API calls go to serverURL, so the
 * port is chosen before start and PUBLIC_URL names it exactly as the browser will.
 */
export async function startAdminTestServer(
  options: { smtpUrl?: string } = {},
): Promise<AdminTestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-browser-'))
  const port = await freePort()
  const env = loadEnv({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    KIYAKU_DATA_DIR: dataDir,
    PAYLOAD_SECRET: `browser-test-secret-${randomBytes(8).toString('hex')}`,
    KIYAKU_ADMIN: 'on',
    KIYAKU_DB_PUSH: 'true',
    KIYAKU_JOBS_AUTORUN: 'false',
    KIYAKU_PUBLIC_RATE_LIMIT: '100000',
    LOG_LEVEL: 'silent',
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
  })
  const adminHandler = await createAdminHandler(env, {
    dev: false,
    log: (line) => console.log(line),
  })
  const running = await startKiyaku(env, { seed: true, adminHandler })
  return {
    ...running,
    env,
    close: async () => {
      await running.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}
