/**
 * npm run restore -- SRC
 *
 * Puts a backup back in place of the SQLite database (DATABASE_URL / KIYAKU_DATA_DIR). Checks the
 * copy first (SQLite's integrity check, and exactly this version's migrations), and refuses while
 * a server runs on the database. The replaced file is kept beside it as `.replaced-<time>`.
 * MongoDB: see docs/backups.md (mongorestore). Exit codes: 0 done, 1 refused or failed.
 */
import { ConfigError, loadEnv } from '../config/env'
import { BackupError, restoreSqlite } from '../services/database/sqliteBackup'

const USAGE = 'Usage: npm run restore -- SRC   (SRC: a file written by npm run backup)\n'

async function main(argv: string[]): Promise<number> {
  const [source] = argv
  if (!source || source === '--help' || argv.length > 1) {
    process.stderr.write(USAGE)
    return source === '--help' ? 0 : 1
  }
  // No secret is used here; a placeholder keeps loadEnv from demanding or generating one.
  const env = loadEnv(
    { ...process.env, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'x'.repeat(32) },
    { serving: false },
  )
  if (env.database.kind !== 'sqlite') {
    throw new BackupError(
      'DATABASE_URL names MongoDB: restore it with mongorestore, as docs/backups.md describes.',
    )
  }
  const databaseFile = env.database.url.slice('file:'.length)
  const { replaced } = await restoreSqlite(source, databaseFile)
  process.stdout.write(
    `Restored ${databaseFile} from ${source}.${replaced ? ` The database it replaced is kept as ${replaced}.` : ''}\n`,
  )
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof BackupError || error instanceof ConfigError
    process.stderr.write(
      `Restore failed: ${known ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    )
    process.exit(1)
  },
)
