// Asks a MongoDB-protocol server for `ping`; exits 0 when it answers, 1 otherwise.
// Usage: node scripts/mongo/ping.mjs [mongodb://127.0.0.1:27017/] [--quiet]
// Resolves the `mongodb` driver from the project's node_modules (it comes with @payloadcms/db-mongodb).
import console from 'node:console'
import process from 'node:process'

import { MongoClient } from 'mongodb'

const url = process.argv.find((arg) => arg.startsWith('mongodb')) ?? 'mongodb://127.0.0.1:27017/'
const quiet = process.argv.includes('--quiet')
const client = new MongoClient(url, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 })
try {
  await client.connect()
  await client.db('admin').command({ ping: 1 })
  if (!quiet) {
    const info = await client.db('admin').command({ buildInfo: 1 })
    const ferret = info.ferretdbVersion ? `, FerretDB ${info.ferretdbVersion}` : ''
    console.log(`${url} answers: MongoDB ${info.version}${ferret}`)
  }
  process.exitCode = 0
} catch (error) {
  if (!quiet)
    console.error(
      `${url} does not answer: ${error instanceof Error ? error.message : String(error)}`,
    )
  process.exitCode = 1
} finally {
  await client.close().catch(() => {})
}
