// The server's production build: src/server/main.ts and everything it imports, Payload and the other
// packages included, bundled by esbuild into dist/server as ES modules. Node 20 loads an ES module
// file by file (read, parse, link), and Payload with drizzle, lexical, zod and jose is about 1,500
// files: loading them one by one was a third of the cold start's CPU time; a few large chunks cost
// a fraction. Dynamic imports become their own chunks, so what a server does not use is never
// loaded. The packages in BUNDLE_EXTERNAL stay in node_modules and are loaded from there.
//
// Plain JavaScript on purpose: `npm start` runs this before any TypeScript can be loaded without
// tsx. Run directly (`npm run build`) it rebuilds from scratch.
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const serverOutDir = path.join(projectRoot, 'dist', 'server')
export const serverEntry = path.join(serverOutDir, 'main.js')
const sourcesHashFile = path.join(serverOutDir, 'kiyaku-sources.sha256')
// Names, sizes and times of the inputs when their hash last matched: a start that finds them
// unchanged skips reading and hashing every source file (tens of ms of each start's CPU).
const sourcesStatFile = path.join(serverOutDir, 'kiyaku-sources.stat')
const buildLockDir = path.join(projectRoot, 'node_modules', '.cache', 'kiyaku-server-build.lock')

/** What the bundle is compiled from, besides node_modules (covered by the lockfile). */
const BUILD_INPUT_FILES = ['tsconfig.json', 'package-lock.json', 'scripts/server-build.mjs']
const BUILD_INPUT_DIRS = ['src']

function buildInputFiles() {
  const files = BUILD_INPUT_FILES.map((file) => path.join(projectRoot, file)).filter((file) =>
    existsSync(file),
  )
  for (const dir of BUILD_INPUT_DIRS) {
    const root = path.join(projectRoot, dir)
    if (!existsSync(root)) continue
    for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name))
    }
  }
  return files.sort()
}

/** Contents, not times: a checkout or a touch does not rebuild, any edit does. */
export function serverSourcesHash() {
  const hash = createHash('sha256')
  for (const file of buildInputFiles()) {
    hash.update(path.relative(projectRoot, file))
    hash.update('\0')
    hash.update(readFileSync(file))
    hash.update('\0')
  }
  return hash.digest('hex')
}

function sourcesStatFingerprint() {
  const hash = createHash('sha256')
  for (const file of buildInputFiles()) {
    const { size, mtimeMs } = statSync(file)
    hash.update(`${path.relative(projectRoot, file)}\0${size}\0${mtimeMs}\0`)
  }
  return hash.digest('hex')
}

function readIfExists(file) {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

export function isServerBuildCurrent(hash) {
  if (!existsSync(serverEntry) || !existsSync(sourcesHashFile)) return false
  const stat = sourcesStatFingerprint()
  if (hash === undefined && readIfExists(sourcesStatFile) === stat) return true
  if (readFileSync(sourcesHashFile, 'utf8').trim() !== (hash ?? serverSourcesHash())) return false
  writeFileSync(sourcesStatFile, stat)
  return true
}

/**
 * Loaded from node_modules, not bundled: native bindings (libsql, sharp); the admin's Next.js and
 * React, which must be the very instances Next.js itself loads; pino, whose transports start worker
 * threads from its own files; the MongoDB driver, mongoose and mongodb (optional native add-ons,
 * and only loaded on MongoDB); and build-time tools that Payload requires only in development.
 * Nothing here imports `payload`: a second copy of it beside the bundled one would throw errors
 * that the other copy's `instanceof` checks do not recognise.
 */
const BUNDLE_EXTERNAL = [
  '@libsql/*',
  'libsql',
  'sharp',
  'next',
  'next/*',
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'pino',
  'pino-pretty',
  'thread-stream',
  'mongodb',
  'mongoose',
  'drizzle-kit',
  'drizzle-kit/*',
  'esbuild',
  'prettier',
  'swagger-ui-dist',
]

/** Files the server reads at run time next to its code (import.meta.dirname in src/server/site). */
const RUNTIME_FILES = [
  ['src/server/site/assets', 'assets'],
  ['src/server/site/docs/init.js', 'docs/init.js'],
]

async function bundleInto(outdir) {
  const { build } = await import('esbuild')
  await build({
    entryPoints: [path.join(projectRoot, 'src/server/main.ts')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: BUNDLE_EXTERNAL,
    // As `npm start` runs: `--conditions=production` (see src/server/main.ts).
    conditions: ['production'],
    // Bundled CommonJS packages call require() for Node's built-ins and the external packages;
    // an ES module has none of its own.
    banner: {
      js: "import { createRequire as kiyakuCreateRequire } from 'node:module'; const require = kiyakuCreateRequire(import.meta.url);",
    },
    sourcemap: true,
    // Less to parse at every start (about a tenth of its CPU time); identifiers are not renamed, so
    // names stay readable in stack traces and heap snapshots, and the source maps give the lines.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  })
  for (const [from, to] of RUNTIME_FILES) {
    cpSync(path.join(projectRoot, from), path.join(outdir, to), { recursive: true })
  }
}

/**
 * Builds dist/server from scratch (`npm run build`). The new files are moved in one by one, so a
 * server already running on an older build still finds its lazily loaded chunks (their names carry
 * a content hash); `clean` removes those first.
 */
export async function buildServer({ clean = false, hash = serverSourcesHash() } = {}) {
  const staging = path.join(projectRoot, 'dist', `.server-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  try {
    await bundleInto(staging)
    if (clean) rmSync(serverOutDir, { recursive: true, force: true })
    rmSync(sourcesStatFile, { force: true })
    mkdirSync(serverOutDir, { recursive: true })
    // Chunks first, the entry last: main.js never points at a chunk that is not there yet.
    const files = readdirSync(staging).sort(
      (a, b) => Number(a === 'main.js') - Number(b === 'main.js'),
    )
    for (const file of files) {
      const target = path.join(serverOutDir, file)
      // The run-time directories (assets, docs) are replaced whole; files are renamed over.
      if (existsSync(target) && statSync(target).isDirectory()) rmSync(target, { recursive: true })
      renameSync(path.join(staging, file), target)
    }
    writeFileSync(sourcesHashFile, `${hash}\n`)
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

/**
 * Builds the server unless dist/server was built from the sources as they are now. Several
 * processes may start at once: one builds under a lock directory, the others wait and re-check.
 */
export async function ensureServerBuild({
  log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  for (;;) {
    if (isServerBuildCurrent()) return false
    if (!tryLock()) {
      await sleep(200)
      continue
    }
    try {
      const hash = serverSourcesHash()
      if (isServerBuildCurrent(hash)) return false
      const started = Date.now()
      await buildServer({ hash })
      log(`Server built into dist/server in ${Date.now() - started} ms.\n`)
      return true
    } finally {
      rmSync(buildLockDir, { recursive: true, force: true })
    }
  }
}

function tryLock() {
  mkdirSync(path.dirname(buildLockDir), { recursive: true })
  try {
    mkdirSync(buildLockDir)
    writeFileSync(path.join(buildLockDir, 'pid'), String(process.pid))
    return true
  } catch {
    // A lock left by a process that died mid-build must not block every later start.
    let holder = 0
    try {
      holder = Number(readFileSync(path.join(buildLockDir, 'pid'), 'utf8'))
    } catch {
      // being written, or already gone
    }
    if (holder && !isAlive(holder)) rmSync(buildLockDir, { recursive: true, force: true })
    return false
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now()
  await buildServer({ clean: true })
  process.stdout.write(
    `Server built into ${path.relative(process.cwd(), serverOutDir)} in ${Date.now() - started} ms.\n`,
  )
}
