import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import type { DatabaseTarget } from './env'

/** Fails fast instead of hanging when MongoDB is unreachable (the issue allows 15 s). */
const MONGO_SERVER_SELECTION_TIMEOUT_MS = 7_000

/**
 * The adapter for DATABASE_URL. Each adapter (and the SQLite migrations, which import the SQLite
 * adapter) is loaded only for its own kind of database: the other one costs about 20 MiB and
 * half a second of start-up for nothing.
 */
export async function databaseAdapter(
  target: DatabaseTarget,
  options: { push: boolean },
): Promise<DatabaseAdapterObj> {
  if (target.kind === 'mongodb') {
    const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
    return mongooseAdapter({
      url: target.url,
      connectOptions: {
        serverSelectionTimeoutMS: MONGO_SERVER_SELECTION_TIMEOUT_MS,
        connectTimeoutMS: MONGO_SERVER_SELECTION_TIMEOUT_MS,
      },
      // Transactions need a replica set; the adapter silently runs without them otherwise.
      transactionOptions: {},
      // Correctness rests on the unique indexes: build them before serving, fail if one cannot be.
      ensureIndexes: true,
    })
  }
  const file = target.url.slice('file:'.length)
  if (file && !file.startsWith(':memory:'))
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const [{ sqliteAdapter }, { migrations }] = await Promise.all([
    import('@payloadcms/db-sqlite'),
    import('../migrations'),
  ])
  return sqliteAdapter({
    client: { url: target.url },
    push: options.push,
    migrationDir: path.resolve('src/migrations'),
    // No transactionOptions: under concurrency SQLite transactions fail with SQLITE_BUSY.
    // Correctness rests on single-document writes guarded by unique indexes instead.
    busyTimeout: 10_000,
    // WAL with synchronous=NORMAL survives a process crash (kill -9) without losing commits;
    // only a power loss may drop the last ones. FULL would fsync on every booking.
    wal: { synchronous: 'NORMAL' },
    prodMigrations: migrations,
  })
}
