import { createClient, type Client } from '@libsql/client'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

import { migrations } from '../../migrations'
import { liveSqliteServers } from './sqliteServers'

/** A problem an operator must fix before a backup or restore can go ahead. */
export class BackupError extends Error {}

function open(file: string): Client {
  return createClient({ url: `file:${file}` })
}

/**
 * A consistent copy of the database while servers keep writing: VACUUM INTO reads one snapshot
 * (a read transaction; in WAL mode writers are not blocked) and writes a compact, self-contained
 * file, with no -wal to carry along. The copy is checked before this returns.
 */
export async function backupSqlite(databaseFile: string, destination: string): Promise<string> {
  if (!existsSync(databaseFile)) throw new BackupError(`No database at ${databaseFile}.`)
  const target =
    existsSync(destination) && statSync(destination).isDirectory()
      ? path.join(destination, `kiyaku-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`)
      : destination
  if (existsSync(target)) throw new BackupError(`${target} exists already; name a new file.`)
  const source = open(databaseFile)
  try {
    // Wait for a writer's lock rather than fail at once.
    await source.execute('PRAGMA busy_timeout = 10000')
    await source.execute({ sql: 'VACUUM INTO ?', args: [path.resolve(target)] })
  } finally {
    source.close()
  }
  await checkSqliteCopy(target)
  return target
}

interface CopyCheck {
  migrations: string[]
}

/**
 * A copy is fit to restore when SQLite finds it intact and it carries exactly the schema this
 * version of Kiyaku expects: every committed migration recorded, and none it does not know.
 */
async function checkSqliteCopy(file: string): Promise<CopyCheck> {
  if (!existsSync(file)) throw new BackupError(`No file at ${file}.`)
  const copy = open(file)
  try {
    let integrity: unknown
    try {
      integrity = (await copy.execute('PRAGMA integrity_check')).rows[0]?.[0]
    } catch (error) {
      throw new BackupError(`${file} is not a SQLite database (${(error as Error).message}).`)
    }
    if (integrity !== 'ok') {
      throw new BackupError(`${file} failed SQLite's integrity check: ${String(integrity)}.`)
    }
    let recorded: string[]
    try {
      recorded = (await copy.execute('SELECT name FROM payload_migrations')).rows.map((row) =>
        String(row[0]),
      )
    } catch {
      throw new BackupError(`${file} has no migrations table: it is not a Kiyaku database.`)
    }
    const known = new Set(migrations.map((migration) => migration.name))
    const missing = migrations.filter((migration) => !recorded.includes(migration.name))
    const unknown = recorded.filter((name) => !known.has(name))
    if (missing.length) {
      throw new BackupError(
        `${file} lacks migrations ${missing.map((m) => m.name).join(', ')}: made by an older or schema-push database.`,
      )
    }
    if (unknown.length) {
      throw new BackupError(
        `${file} has migrations this version does not know (${unknown.join(', ')}): made by a newer Kiyaku.`,
      )
    }
    return { migrations: recorded }
  } finally {
    copy.close()
  }
}

/**
 * Puts a checked copy in place of the database. Refuses while a server runs on the file. The
 * database it replaces is kept beside it (`.replaced-<time>`), and the old -wal/-shm go with it:
 * a leftover WAL would be replayed into the restored file.
 */
export async function restoreSqlite(
  copyFile: string,
  databaseFile: string,
): Promise<{ replaced: string | null }> {
  await checkSqliteCopy(copyFile)
  const running = liveSqliteServers(databaseFile)
  if (running.length) {
    throw new BackupError(
      `A Kiyaku server is running on ${databaseFile} (pid ${running.join(', ')}). Stop it first.`,
    )
  }
  mkdirSync(path.dirname(path.resolve(databaseFile)), { recursive: true })
  const staging = `${databaseFile}.restoring`
  copyFileSync(copyFile, staging)
  let replaced: string | null = null
  if (existsSync(databaseFile)) {
    replaced = `${databaseFile}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`
    renameSync(databaseFile, replaced)
  }
  for (const suffix of ['-wal', '-shm']) {
    const side = `${databaseFile}${suffix}`
    if (!existsSync(side)) continue
    if (replaced) renameSync(side, `${replaced}${suffix}`)
    else rmSync(side)
  }
  renameSync(staging, databaseFile)
  return { replaced }
}
