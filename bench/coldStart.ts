import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

import { freePort, projectRoot } from './server'

/** The target is on CPU time to the first 200 on /readyz: wall time depends on what else runs. */
export const COLD_START_TARGET_MS = 2_000
export const HEADLESS_PEAK_RSS_TARGET_MIB = 350
const TIMED_STARTS = 5
const START_LIMIT_MS = 120_000
const POLL_MS = 20

/** One start: wall time from spawn and the process's CPU time (user + system), both in ms. */
export interface ColdStartSample {
  readyzMs: number
  readyzCpuMs: number | null
  /** The first 200 on GET /public/v1/offices, asked right after /readyz answered 200. */
  publicReadMs: number
  publicReadCpuMs: number | null
}

export interface ColdStartMedians {
  readyzMs: number
  readyzCpuMs: number | null
  publicReadMs: number
  publicReadCpuMs: number | null
}

export interface ColdStartResults {
  samples: ColdStartSample[]
  median: ColdStartMedians | null
  error?: string
}

/**
 * `npm start`'s own command (`node --conditions=production scripts/start.mjs`: build check, then
 * the JavaScript build) as production runs it: NODE_ENV=production, headless, each start on a
 * fresh SQLite data directory (so the migrations run every time, as on a first deployment).
 * Timed from spawn to the first 200 on /readyz (polled every 20 ms), then to the first 200 on
 * GET /public/v1/offices; npm's own launch (about 0.3 s) is not included. CPU time is read from
 * /proc/PID/stat at those moments: on a shared, loaded machine it is the figure to compare, and
 * the wall time only an upper bound.
 */
export async function benchColdStart(starts = TIMED_STARTS): Promise<ColdStartResults> {
  try {
    const samples: ColdStartSample[] = []
    for (let i = 0; i < starts; i++) samples.push(await timedStart())
    return { samples, median: medians(samples) }
  } catch (error) {
    return {
      samples: [],
      median: null,
      error: error instanceof Error ? error.message : String(error),
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function medianOrNull(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null)
  return known.length === values.length && known.length > 0 ? median(known) : null
}

function medians(samples: ColdStartSample[]): ColdStartMedians | null {
  if (samples.length === 0) return null
  return {
    readyzMs: median(samples.map((sample) => sample.readyzMs)),
    readyzCpuMs: medianOrNull(samples.map((sample) => sample.readyzCpuMs)),
    publicReadMs: median(samples.map((sample) => sample.publicReadMs)),
    publicReadCpuMs: medianOrNull(samples.map((sample) => sample.publicReadCpuMs)),
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

function productionEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    // Production refuses to start without them; nothing is sent or linked during the bench.
    SMTP_URL: 'smtp://127.0.0.1:2525',
    PUBLIC_URL: 'https://kiyaku.invalid',
    KIYAKU_ADMIN: 'off',
    KIYAKU_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_OPTIONS: '--no-deprecation',
  }
}

async function timedStart(): Promise<ColdStartSample> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-coldstart-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child = spawn(process.execPath, ['--conditions=production', 'scripts/start.mjs'], {
    cwd: projectRoot,
    env: productionEnv(dataDir, port),
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.once('close', () => {
      exited = true
      resolve()
    }),
  )
  const firstOk = async (route: string) => {
    while (performance.now() - started < START_LIMIT_MS && !exited) {
      try {
        const response = await fetch(`${base}${route}`)
        await response.arrayBuffer()
        if (response.status === 200) {
          return { ms: Math.round(performance.now() - started), cpuMs: cpuTimeMs(child.pid) }
        }
      } catch {
        // not listening yet
      }
      await sleep(POLL_MS)
    }
    throw new Error(`the server did not answer 200 on ${route}: ${stderr.slice(-500)}`)
  }
  try {
    const readyz = await firstOk('/readyz')
    const publicRead = await firstOk('/public/v1/offices')
    return {
      readyzMs: readyz.ms,
      readyzCpuMs: readyz.cpuMs,
      publicReadMs: publicRead.ms,
      publicReadCpuMs: publicRead.cpuMs,
    }
  } finally {
    child.kill('SIGTERM')
    await exit
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** `npx tsx bench/coldStart.ts [starts]`: this measurement alone, without the rest of the bench. */
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const starts = Number(process.argv[2] ?? TIMED_STARTS)
  const results = await benchColdStart(starts)
  if (!results.median) {
    console.error(`cold start not measured: ${results.error ?? 'no start'}`)
    process.exit(1)
  }
  const s = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(2))
  for (const sample of results.samples) {
    console.log(
      `/readyz ${s(sample.readyzMs)} s wall, ${s(sample.readyzCpuMs)} s CPU; ` +
        `/public/v1/offices ${s(sample.publicReadMs)} s wall, ${s(sample.publicReadCpuMs)} s CPU`,
    )
  }
  const { median: m } = results
  console.log(
    `median of ${results.samples.length}: /readyz CPU ${s(m.readyzCpuMs)} s (wall ${s(m.readyzMs)} s); ` +
      `/public/v1/offices CPU ${s(m.publicReadCpuMs)} s (wall ${s(m.publicReadMs)} s)`,
  )
}
