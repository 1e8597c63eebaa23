/**
 * npm run backup -- DEST
 *
 * A consistent copy of the SQLite database (DATABASE_URL / KIYAKU_DATA_DIR, as the server reads
 * them) while servers keep serving. DEST is a new file, or a directory to put a dated file in.
 * MongoDB: see docs/backups.md (mongodump). Exit codes: 0 done, 1 refused or failed.
 */
import { ConfigError, loadEnv } from '../config/env'
import { BackupError, backupSqlite } from '../services/database/sqliteBackup'

const USAGE = 'Usage: npm run backup -- DEST   (DEST: a new file, or a directory)\n'

async function main(argv: string[]): Promise<number> {
  const [destination] = argv
  if (!destination || destination === '--help' || argv.length > 1) {
    process.stderr.write(USAGE)
    return destination === '--help' ? 0 : 1
  }
  // No secret is used here; a placeholder keeps loadEnv from demanding or generating one.
  const env = loadEnv(
    { ...process.env, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'x'.repeat(32) },
    { serving: false },
  )
  if (env.database.kind !== 'sqlite') {
    throw new BackupError(
      'DATABASE_URL names MongoDB: back it up with mongodump, as docs/backups.md describes.',
    )
  }
  const databaseFile = env.database.url.slice('file:'.length)
  const started = Date.now()
  const written = await backupSqlite(databaseFile, destination)
  process.stdout.write(
    `Backup of ${databaseFile} written to ${written} and checked (${Date.now() - started} ms).\n`,
  )
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof BackupError || error instanceof ConfigError
    process.stderr.write(
      `Backup failed: ${known ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    )
    process.exit(1)
  },
)
