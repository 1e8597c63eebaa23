import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from '../migrations'
import type { DatabaseTarget } from './env'

/** Fails fast instead of hanging when MongoDB is unreachable (the issue allows 15 s). */
const MONGO_SERVER_SELECTION_TIMEOUT_MS = 7_000

export function databaseAdapter(
  target: DatabaseTarget,
  options: { push: boolean },
): DatabaseAdapterObj {
  if (target.kind === 'mongodb') {
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
