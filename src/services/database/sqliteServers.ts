import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'

/**
 * The servers running on a SQLite file, so that a restore can refuse to replace the file under
 * them. Each server writes `<file>.servers/<pid>` at start and removes it at stop; the entry of a
 * killed server is recognised by its process being gone. SQLite is one machine's database, so a
 * process id on this host is enough.
 */
function registryDirOf(databaseFile: string): string {
  return `${path.resolve(databaseFile)}.servers`
}

export function registerSqliteServer(databaseFile: string): () => void {
  const dir = registryDirOf(databaseFile)
  mkdirSync(dir, { recursive: true })
  const entry = path.join(dir, String(process.pid))
  writeFileSync(entry, `${hostname()}\n`)
  return () => rmSync(entry, { force: true })
}

/** Process ids of the live servers on this file; entries of dead processes are removed. */
export function liveSqliteServers(databaseFile: string): number[] {
  const dir = registryDirOf(databaseFile)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const live: number[] = []
  for (const name of names) {
    const pid = Number(name)
    const entry = path.join(dir, name)
    let host: string
    try {
      host = readFileSync(entry, 'utf8').trim()
    } catch {
      continue
    }
    if (Number.isInteger(pid) && pid > 0 && host === hostname() && isAlive(pid)) live.push(pid)
    else rmSync(entry, { force: true })
  }
  return live
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
