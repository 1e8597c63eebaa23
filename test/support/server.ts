import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

import { loadEnv, type KiyakuEnv } from '../../src/config/env'
import { startKiyaku, type RunningKiyaku } from '../../src/server/start'

export interface TestServer extends RunningKiyaku {
  env: KiyakuEnv
  dataDir: string
  /** Stops the server and removes its data (keeps it when keepData). */
  close: (options?: { keepData?: boolean }) => Promise<void>
}

export interface TestServerOptions {
  seed?: boolean
  /** Reuse a data directory, e.g. to restart on the same database. */
  dataDir?: string
  /** Use committed migrations instead of schema push (as `npm start` does). */
  migrations?: boolean
  env?: Record<string, string>
}

/**
 * A real server on a random port with its own real database: a fresh SQLite file, or, when
 * DATABASE_URL names MongoDB, a fresh database on that server.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'kiyaku-test-'))
  const databaseUrl = testDatabaseUrl(dataDir)
  const env = loadEnv({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    KIYAKU_DATA_DIR: dataDir,
    PAYLOAD_SECRET: `test-secret-${randomBytes(8).toString('hex')}`,
    KIYAKU_ADMIN: 'off',
    KIYAKU_DB_PUSH: options.migrations ? 'false' : 'true',
    KIYAKU_JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  })
  const running = await startKiyaku(env, { seed: options.seed ?? true })
  return {
    ...running,
    env,
    dataDir,
    close: async ({ keepData = false } = {}) => {
      // A test may have closed the connection on purpose; its database is then left behind.
      if (!keepData && databaseUrl) await dropMongoDatabase(running).catch(() => undefined)
      await running.stop()
      if (!keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * When DATABASE_URL names MongoDB: the database on that server for the test data directory
 * (one per test server, dropped by close()); undefined on SQLite, which lives in the directory.
 */
export function testDatabaseUrl(dataDir: string): string | undefined {
  const mongo = process.env.DATABASE_URL?.startsWith('mongodb')
    ? process.env.DATABASE_URL
    : undefined
  return mongo
    ? withDatabaseName(mongo, `kiyaku_test_${path.basename(dataDir).replace(/\W/g, '_')}`)
    : undefined
}

function withDatabaseName(url: string, name: string): string {
  // Not `new URL()`: replica-set URLs list several host:port pairs.
  return url.replace(/^(mongodb(?:\+srv)?:\/\/[^/?#]+)(\/[^?#]*)?/, `$1/${name}`)
}

async function dropMongoDatabase({ payload }: RunningKiyaku): Promise<void> {
  const connection = (
    payload.db as unknown as { connection?: { dropDatabase: () => Promise<unknown> } }
  ).connection
  await connection?.dropDatabase()
}

const DEMO_PASSWORD = 'kiyaku-demo'

/** Logs in through REST like a browser would and returns the JWT. */
export async function login(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (!response.ok) throw new Error(`login failed for ${email}: ${response.status}`)
  const body = (await response.json()) as { token: string }
  return body.token
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `JWT ${token}` }
}
