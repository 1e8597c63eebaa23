import { rmSync } from 'node:fs'
import { MongoClient } from 'mongodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { onFerretDb } from '../../support/backend'
import { startTestServer, type TestServer } from '../../support/server'

// What the MongoDB path needs that the SQLite path does not show. Runs only when DATABASE_URL
// names MongoDB (scripts/mongo/test-against-mongo.sh, or a real server; see docs/mongodb.md).
const mongoUrl = process.env.DATABASE_URL?.startsWith('mongodb')
  ? process.env.DATABASE_URL
  : undefined

interface MongoDb {
  connection: {
    name: string
    readyState: number
    close: (force?: boolean) => Promise<void>
    db: {
      collection: (name: string) => {
        indexes: () => Promise<
          { key: Record<string, number>; unique?: boolean; sparse?: boolean }[]
        >
      }
    }
  }
  collections: Record<string, { collection: { collectionName: string } }>
  beginTransaction: () => Promise<null | number | string>
  rollbackTransaction: (id: number | string) => Promise<void>
}

function mongoDb(server: TestServer): MongoDb {
  return server.payload.db as unknown as MongoDb
}

/** The unique indexes the app's correctness rests on (no transactions without a replica set). */
const REQUIRED_UNIQUE_INDEXES: { collection: string; key: Record<string, number> }[] = [
  { collection: 'offices', key: { slug: 1 } },
  { collection: 'users', key: { email: 1 } },
  { collection: 'bookings', key: { seatLock: 1 } },
  { collection: 'bookings', key: { reference: 1 } },
  { collection: 'terms-editions', key: { publishedKey: 1 } },
  { collection: 'terms-editions', key: { office: 1, number: 1 } },
  { collection: 'reservation-policies', key: { office: 1, effectiveFrom: 1 } },
  { collection: 'applicant-standings', key: { office: 1, applicantKey: 1 } },
]

describe.skipIf(!mongoUrl)('on MongoDB', () => {
  // One server per file: a second startKiyaku in the same process does not work yet (see
  // docs/mongodb.md, "Known problems").
  let server: TestServer
  let databaseName: string
  beforeAll(async () => {
    server = await startTestServer()
    databaseName = mongoDb(server).connection.name
  })
  afterAll(async () => {
    if (!server) return
    // The last test closes the connection, so server.close() could not drop the database.
    await server.stop()
    const client = new MongoClient(mongoUrl!, { serverSelectionTimeoutMS: 5_000 })
    try {
      await client.connect()
      await client.db(databaseName).dropDatabase()
    } finally {
      await client.close()
    }
    rmSync(server.dataDir, { recursive: true, force: true })
  })

  it('gives the test file a database of its own on that server', () => {
    expect(server.env.database.kind).toBe('mongodb')
    expect(databaseName).toMatch(/^kiyaku_test_/)
  })

  it('has every unique index the app relies on once it serves requests', async () => {
    const db = mongoDb(server)
    for (const { collection, key } of REQUIRED_UNIQUE_INDEXES) {
      const model = db.collections[collection]
      expect(model, `no model for ${collection}`).toBeDefined()
      const indexes = await db.connection.db.collection(model!.collection.collectionName).indexes()
      const found = indexes.find((index) => JSON.stringify(index.key) === JSON.stringify(key))
      expect(found?.unique, `${collection} ${JSON.stringify(key)}`).toBe(true)
    }
  })

  // FerretDB v1 accepts `sparse` and ignores it.
  it.skipIf(onFerretDb)(
    'makes the unique indexes of optional fields sparse, so documents without them do not collide',
    async () => {
      const db = mongoDb(server)
      for (const [collection, field] of [
        ['bookings', 'seatLock'],
        ['bookings', 'reference'],
        ['terms-editions', 'publishedKey'],
      ] as const) {
        const model = db.collections[collection]!
        const indexes = await db.connection.db.collection(model.collection.collectionName).indexes()
        const found = indexes.find((index) => JSON.stringify(index.key) === `{"${field}":1}`)
        expect(found?.sparse, `${collection}.${field}`).toBe(true)
      }
    },
  )

  it('lets exactly one of several concurrent creates with the same unique slug succeed', async () => {
    const data = {
      slug: 'race-check',
      name: '競合確認',
      signatoryTitle: '所長',
      prefecture: '東京都',
    }
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        server.payload.create({ collection: 'offices', data: { ...data } }),
      ),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const count = await server.payload.count({
      collection: 'offices',
      where: { slug: { equals: 'race-check' } },
    })
    expect(count.totalDocs).toBe(1)
  })

  it('uses transactions exactly when the URL names a replica set', async () => {
    const db = mongoDb(server)
    const replicaSet = new URL(mongoUrl!).searchParams.has('replicaSet')
    const id = await db.beginTransaction()
    if (replicaSet) {
      expect(id).toBeTruthy()
      await db.rollbackTransaction(id!)
    } else {
      // db-mongodb turns transactions off, without a word, when the client has no replicaSet option.
      expect(id).toBeNull()
    }
  })

  // Last: it closes the connection for good.
  it('answers /healthz with 503 within the health check timeout once the connection is lost', async () => {
    await mongoDb(server).connection.close(true)
    const started = Date.now()
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(503)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
