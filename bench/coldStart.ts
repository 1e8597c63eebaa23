import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { freePort, HEADLESS_HEAP_LIMIT, projectRoot } from './server'

export const COLD_START_TARGET_MS = 2_000
export const HEADLESS_PEAK_RSS_TARGET_MIB = 350
const TIMED_STARTS = 3
const START_LIMIT_MS = 120_000

export interface ColdStartResults {
  /** Milliseconds from spawning `npm start`'s command to the first 200 on /healthz, per start. */
  startsMs: number[]
  medianMs: number | null
  /**
   * CPU time (user + system) the process had used at that first 200, per start: what the start
   * costs whatever else runs on the machine; on an idle machine the wall time comes close to it.
   */
  cpuMs: (number | null)[]
  /** The first start on the empty database (build if stale, migrations), not timed against the target. */
  firstStartMs: number | null
  error?: string
}

/**
 * `npm start`'s own command (`node --conditions=production scripts/start.mjs`: build check, then
 * the JavaScript build) as production runs it: NODE_ENV=production, headless, on a SQLite file
 * that a first start has migrated. Timed from spawn to the first 200 on /healthz, polled every
 * 20 ms; npm's own launch (about 0.3 s) is not included.
 */
export async function benchColdStart(): Promise<ColdStartResults> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-coldstart-'))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    KIYAKU_ADMIN: 'off',
    KIYAKU_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    NODE_OPTIONS: '--no-deprecation',
  }
  try {
    const firstStartMs = await timedStart(env)
    const startsMs: number[] = []
    const cpuMs: (number | null)[] = []
    for (let i = 0; i < TIMED_STARTS; i++) {
      const start = await timedStart(env)
      startsMs.push(start.wallMs)
      cpuMs.push(start.cpuMs)
    }
    const sorted = [...startsMs].sort((a, b) => a - b)
    return {
      startsMs,
      medianMs: sorted[Math.floor(sorted.length / 2)] ?? null,
      cpuMs,
      firstStartMs: firstStartMs.wallMs,
    }
  } catch (error) {
    return {
      startsMs: [],
      medianMs: null,
      cpuMs: [],
      firstStartMs: null,
      error: error instanceof Error ? error.message : String(error),
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** utime + stime from /proc/PID/stat, in milliseconds (clock ticks are 10 ms on Linux). */
function cpuTimeMs(pid: number | undefined): number | null {
  const file = `/proc/${pid}/stat`
  if (!pid || !existsSync(file)) return null
  // Fields after the command name (which is in parentheses and may hold spaces).
  const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? []
  const ticks = Number(fields[11]) + Number(fields[12])
  return Number.isFinite(ticks) ? ticks * 10 : null
}

async function timedStart(
  env: NodeJS.ProcessEnv,
): Promise<{ wallMs: number; cpuMs: number | null }> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [HEADLESS_HEAP_LIMIT, '--conditions=production', 'scripts/start.mjs'],
    {
      cwd: projectRoot,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.once('close', () => {
      exited = true
      resolve()
    }),
  )
  try {
    while (performance.now() - started < START_LIMIT_MS && !exited) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`)
        if (response.status === 200) {
          return { wallMs: Math.round(performance.now() - started), cpuMs: cpuTimeMs(child.pid) }
        }
      } catch {
        // not listening yet
      }
      await sleep(20)
    }
    throw new Error(`the server did not answer /healthz: ${stderr.slice(-500)}`)
  } finally {
    child.kill('SIGTERM')
    await exit
  }
}
