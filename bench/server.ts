import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { build } from 'esbuild'

export const projectRoot = path.resolve(import.meta.dirname, '..')

/**
 * The heap limit README recommends for a headless server (KIYAKU_ADMIN=off). Its live heap is
 * about 85 MiB under the bench; without a limit V8 lets garbage grow the heap to about 240 MiB
 * during the terms-read rows before collecting it (peak RSS about 445 MiB instead of about 260).
 */
export const HEADLESS_HEAP_LIMIT = '--max-old-space-size=192'

export interface BenchServer {
  url: string
  pid: number
  dataDir: string
  logFile: string
  /** Peak resident set size so far (VmHWM), in MiB; null where /proc is not available. */
  peakRssMiB: () => number | null
  /** Resident set size now (VmRSS), in MiB; null where /proc is not available. */
  rssMiB: () => number | null
  /** SIGTERM, then SIGKILL after the grace period; removes the data directory. */
  stop: () => Promise<void>
}

const STARTUP_LIMIT_MS = 120_000
const STOP_GRACE_MS = 15_000

/** A free loopback port: bind to port 0, read the port, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

/**
 * bench/serve.ts bundled as scripts/server-build.mjs bundles the product, so the bench measures
 * the same JavaScript `npm start` runs. Under bench/.tmp: the bundle loads its packages from the
 * project's node_modules.
 */
async function buildBenchServer(): Promise<string> {
  const outdir = mkdtempSync(path.join(projectRoot, 'bench', '.tmp', 'serve-'))
  await build({
    entryPoints: [path.join(projectRoot, 'bench', 'serve.ts')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    minify: false,
    logLevel: 'warning',
  })
  return outdir
}

/**
 * Kiyaku in its own process, built as `npm start` builds it, with the bench collection and routes
 * (bench/serve.ts), no admin panel, schema push into a fresh SQLite file in a temporary
 * directory, the demo seed, and loopback only.
 */
export async function startBenchServer(
  options: { nodeArgs?: string[] } = {},
): Promise<BenchServer> {
  mkdirSync(path.join(projectRoot, 'bench', '.tmp'), { recursive: true })
  const buildDir = await buildBenchServer()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-bench-'))
  const logFile = path.join(dataDir, 'server.log')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // Always the embedded SQLite file in dataDir, whatever the calling shell has configured.
  const {
    DATABASE_URL: _database,
    SMTP_URL: _smtp,
    PUBLIC_URL: _publicUrl,
    KIYAKU_DEV: _dev,
    ...inherited
  } = process.env
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      HEADLESS_HEAP_LIMIT,
      // As `npm start` runs the product's build.
      '--conditions=production',
      path.join(buildDir, 'serve.js'),
    ],
    {
      cwd: projectRoot,
      env: {
        ...inherited,
        NODE_ENV: 'test',
        KIYAKU_ADMIN: 'off',
        KIYAKU_DB_PUSH: 'true',
        // Background jobs would write to bookings while we measure.
        KIYAKU_JOBS_AUTORUN: 'false',
        // The public API allows 600 requests a minute per address; a load test sends far more.
        KIYAKU_PUBLIC_RATE_LIMIT: '100000000',
        LOG_LEVEL: 'warn',
        KIYAKU_DATA_DIR: dataDir,
        PAYLOAD_SECRET: `bench-${randomBytes(16).toString('hex')}`,
        HOST: '127.0.0.1',
        PORT: String(port),
        NODE_OPTIONS: '--no-deprecation',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const log = createWriteStream(logFile)
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)

  let exited: { code: number | null; signal: string | null } | undefined
  const exit = new Promise<void>((resolve) =>
    child.once('close', (code, signal) => {
      exited = { code, signal }
      resolve()
    }),
  )

  let logClosed: Promise<void> | undefined
  const closeLog = () => (logClosed ??= new Promise<void>((resolve) => log.end(resolve)))
  const stopProcess = async () => {
    if (!exited) {
      child.kill('SIGTERM')
      const stopped = await Promise.race([exit.then(() => true), sleep(STOP_GRACE_MS, false)])
      if (!stopped) {
        child.kill('SIGKILL')
        await exit
      }
    }
    await closeLog()
  }

  const server: BenchServer = {
    url,
    pid: child.pid ?? 0,
    dataDir,
    logFile,
    peakRssMiB: () => memoryMiB(child, 'VmHWM'),
    rssMiB: () => memoryMiB(child, 'VmRSS'),
    stop: async () => {
      await stopProcess()
      rmSync(dataDir, { recursive: true, force: true })
      rmSync(buildDir, { recursive: true, force: true })
    },
  }

  const deadline = Date.now() + STARTUP_LIMIT_MS
  while (Date.now() < deadline) {
    if (exited) break
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return server
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  const why = exited
    ? `exited (${exited.signal ?? `code ${exited.code}`})`
    : `not healthy after ${STARTUP_LIMIT_MS / 1000} s`
  await stopProcess()
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30) : []
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(buildDir, { recursive: true, force: true })
  throw new Error(`The bench server ${why}. Last log lines:\n${tail.join('\n')}`)
}

function memoryMiB(child: ChildProcess, field: 'VmHWM' | 'VmRSS'): number | null {
  const file = `/proc/${child.pid}/status`
  if (!child.pid || !existsSync(file)) return null
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(file, 'utf8'))
  return match ? Math.round(Number(match[1]) / 1024) : null
}
