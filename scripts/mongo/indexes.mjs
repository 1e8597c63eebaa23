// Lists the unique indexes of every collection in a database, to check that Payload's unique
// fields and compound indexes exist on the server.
// Usage: node scripts/mongo/indexes.mjs mongodb://127.0.0.1:27017/kiyaku
import console from 'node:console'
import process from 'node:process'

import { MongoClient } from 'mongodb'

const url = process.argv[2] ?? 'mongodb://127.0.0.1:27017/kiyaku'
const client = new MongoClient(url, { serverSelectionTimeoutMS: 3000 })
try {
  await client.connect()
  const db = client.db()
  const collections = (await db.listCollections().toArray()).map((c) => c.name).sort()
  for (const name of collections) {
    const indexes = await db.collection(name).indexes()
    for (const index of indexes.filter((i) => i.unique)) {
      console.log(
        `${name}\t${JSON.stringify(index.key)}\tunique${index.sparse ? ' sparse' : ''}\t${index.name}`,
      )
    }
  }
} finally {
  await client.close()
}
