import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { Router, type RequestHandler } from 'express'

import type { KiyakuEnv } from '../config/env'

const projectRoot = path.resolve(import.meta.dirname, '../..')
const nextDir = path.join(projectRoot, '.next')
const sourcesHashFile = path.join(nextDir, 'kiyaku-sources.sha256')
/** Names, sizes and times of the inputs when their hash last matched: a start that finds them
 * unchanged skips reading and hashing every source file. */
const sourcesStatFile = path.join(nextDir, 'kiyaku-sources.stat')
const buildLockDir = path.join(projectRoot, 'node_modules', '.cache', 'kiyaku-admin-build.lock')

/** Everything the admin bundle is compiled from, besides node_modules (covered by the lockfile). */
const BUILD_INPUT_FILES = [
  'payload.config.ts',
  'next.config.mjs',
  'tsconfig.json',
  'package-lock.json',
]
const BUILD_INPUT_DIRS = ['src']

/** The paths Next.js answers; everything else stays with Express (/api, /public/v1, 404s). */
const NEXT_ROUTES = [
  '/admin',
  '/admin/{*rest}',
  '/_next/{*rest}',
  // Development only: the error overlay's stack frames and font.
  '/__nextjs_original-stack-frames',
  '/__nextjs_font/{*rest}',
]

export interface AdminHandlerOptions {
  /** `npm run dev`: Next.js in development mode with hot reload, no production build. */
  dev?: boolean
  log?: (line: string) => void
}

/**
 * The Payload admin (a Next.js app under src/app) served by the Express server. In production
 * mode the admin is built first when `.next` is missing or was built from other sources.
 *
 * Next.js itself is loaded and prepared on the first admin request, not at start: it is about a
 * second of CPU that neither readiness nor the public API needs. Concurrent first requests wait for
 * the same preparation; a failed one is answered with an error and tried again on the next request.
 *
 * Next.js renders with the Payload instance the server already started: getPayload keeps its
 * instances in a process-wide cache (global._payload), so the admin bundle's own copy of
 * `payload` finds the server's instance, database connection and secret.
 */
export async function createAdminHandler(
  env: KiyakuEnv,
  options: AdminHandlerOptions = {},
): Promise<RequestHandler> {
  const dev = options.dev ?? process.env.KIYAKU_DEV === '1'
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  shareEnvWithAdminBundle(env)
  if (dev) await generateImportMap()
  else await ensureAdminBuild({ log })

  let preparing: Promise<NextRequestHandler> | undefined
  const nextHandler = () =>
    (preparing ??= prepareNext(dev).catch((error: unknown) => {
      preparing = undefined
      throw error
    }))

  const router = Router()
  // Express 5 passes a rejected promise (a failed preparation) on to the error handler.
  router.all(NEXT_ROUTES, (req, res) => nextHandler().then((handle) => handle(req, res)))
  return router
}

type NextRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

async function prepareNext(dev: boolean): Promise<NextRequestHandler> {
  const { default: next } = await import('next')
  const nextApp = next({ dev, dir: projectRoot, quiet: !dev })
  await nextApp.prepare()
  return nextApp.getRequestHandler()
}

/**
 * The admin bundle evaluates payload.config.ts, i.e. loadEnv(process.env), in this process. The
 * server may have been started from another env object (tests do), and Next.js switches
 * NODE_ENV to production, where loadEnv insists on a secret: hand the bundle the same values.
 */
function shareEnvWithAdminBundle(env: KiyakuEnv): void {
  process.env.PAYLOAD_SECRET ??= env.secret
  process.env.KIYAKU_DATA_DIR ??= env.dataDir
  process.env.DATABASE_URL ??= env.database.url
  process.env.PUBLIC_URL ??= env.publicUrl
}

/**
 * Rewrites src/app/(payload)/admin/importMap.js when a component path was added or removed. In a
 * child process: building a second Payload config in this process would register Payload's own
 * collections twice (the collection list is shared module state).
 */
function generateImportMap(): Promise<void> {
  return runNode(
    [path.join(projectRoot, 'node_modules', 'payload', 'bin.js'), 'generate:importmap'],
    'payload generate:importmap',
  )
}

function buildInputFiles(): string[] {
  return [
    ...BUILD_INPUT_FILES.map((file) => path.join(projectRoot, file)).filter((file) =>
      existsSync(file),
    ),
    ...BUILD_INPUT_DIRS.flatMap((dir) => listFiles(path.join(projectRoot, dir))),
  ].sort()
}

/** Hash of the admin's build inputs: contents, not times, so a checkout or a touch does not rebuild. */
export function adminSourcesHash(): string {
  const hash = createHash('sha256')
  for (const file of buildInputFiles()) {
    hash.update(path.relative(projectRoot, file))
    hash.update('\0')
    hash.update(readFileSync(file))
    hash.update('\0')
  }
  return hash.digest('hex')
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/**
 * Current when built from the sources as they are now. A build by plain `next build` (npm run
 * build:admin) has no recorded hash: it counts as current when no input is newer than it, and
 * its hash is recorded then.
 */
export function isAdminBuildCurrent(): boolean {
  const buildIdFile = path.join(nextDir, 'BUILD_ID')
  if (!existsSync(buildIdFile)) return false
  const stat = sourcesStatFingerprint()
  if (existsSync(sourcesHashFile) && readFileIfExists(sourcesStatFile) === stat) return true
  const hash = adminSourcesHash()
  if (existsSync(sourcesHashFile)) {
    if (readFileSync(sourcesHashFile, 'utf8').trim() !== hash) return false
  } else {
    const builtAt = statSync(buildIdFile).mtimeMs
    if (buildInputFiles().some((file) => statSync(file).mtimeMs > builtAt)) return false
    writeFileSync(sourcesHashFile, `${hash}\n`)
  }
  writeFileSync(sourcesStatFile, stat)
  return true
}

function sourcesStatFingerprint(): string {
  const hash = createHash('sha256')
  for (const file of buildInputFiles()) {
    const { size, mtimeMs } = statSync(file)
    hash.update(`${path.relative(projectRoot, file)}\0${size}\0${mtimeMs}\0`)
  }
  return hash.digest('hex')
}

/**
 * Builds the admin unless the build in `.next` is current. Several processes may start at once
 * (parallel test files): one builds under a lock directory, the others wait and re-check.
 */
export async function ensureAdminBuild({ log }: { log: (line: string) => void }): Promise<void> {
  while (!isAdminBuildCurrent()) {
    if (!tryLock()) {
      await sleep(1000)
      continue
    }
    try {
      if (isAdminBuildCurrent()) return
      await generateImportMap()
      const hash = adminSourcesHash()
      rmSync(sourcesStatFile, { force: true })
      log('Building the admin panel (next build); this takes about a minute…')
      const started = Date.now()
      await runNextBuild()
      writeFileSync(sourcesHashFile, `${hash}\n`)
      log(`Admin panel built in ${Math.round((Date.now() - started) / 1000)} s.`)
      return
    } finally {
      rmSync(buildLockDir, { recursive: true, force: true })
    }
  }
}

function tryLock(): boolean {
  mkdirSync(path.dirname(buildLockDir), { recursive: true })
  try {
    mkdirSync(buildLockDir)
    writeFileSync(path.join(buildLockDir, 'pid'), String(process.pid))
    return true
  } catch {
    // A lock left by a process that died (killed mid-build) must not block every later start.
    const holder = Number(readFileIfExists(path.join(buildLockDir, 'pid')))
    if (holder && !isAlive(holder)) rmSync(buildLockDir, { recursive: true, force: true })
    return false
  }
}

function readFileIfExists(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function runNextBuild(): Promise<void> {
  return runNode(
    [path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
    'next build',
  )
}

/** Runs a Node CLI from the project root with this terminal's output. */
function runNode(args: string[], name: string): Promise<void> {
  // next build sets NODE_ENV itself and warns about any other value (vitest sets "test").
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: '--no-deprecation',
  }
  delete childEnv.NODE_ENV
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: childEnv as NodeJS.ProcessEnv,
      stdio: 'inherit',
    })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`${name} failed (${signal ?? `exit code ${code}`}); see its output above`),
          ),
    )
  })
}
