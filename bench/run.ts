import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { benchBookingCreation } from './bookings'
import { benchColdStart } from './coldStart'
import { benchDashboard } from './dashboard'
import { machineNotes, markdown, summary, type BenchResults } from './report'
import { projectRoot, startBenchServer, type BenchServer } from './server'
import { benchSlots, prepareBookingOffice } from './slots'
import { benchTermsRead } from './terms'

/** Nothing below should take this long; past it the server is killed and the run fails. */
const WATCHDOG_MS = 300_000

async function main(): Promise<void> {
  const started = Date.now()
  const machine = machineNotes(projectRoot)
  const running: { server?: BenchServer } = {}
  const stopThenExit = (code: number) =>
    void (running.server?.stop() ?? Promise.resolve()).finally(() => process.exit(code))
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS / 1000} s; stopping.`)
    stopThenExit(1)
  }, WATCHDOG_MS)
  watchdog.unref()
  process.once('SIGINT', () => stopThenExit(130))

  // First, while nothing else of ours runs: the start of a built, headless production server.
  console.log('bench: cold start of `npm start` (headless, production, fresh SQLite each time)…')
  const coldStart = await benchColdStart()
  console.log('bench: starting the server (own process, SQLite in a temporary directory)…')
  // BENCH_CPU_PROFILE_DIR=dir writes the server's V8 CPU profile there when it stops.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR
  const server = await startBenchServer({
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
  })
  running.server = server
  console.log(`bench: server ${server.url} (pid ${server.pid}) up in ${seconds(started)} s`)
  let results: BenchResults
  try {
    const memory = { afterStartMiB: server.rssMiB(), afterSeedMiB: null as number | null }
    console.log('bench: raising capacity and seeding 5,000 bookings…')
    const seed = await prepareBookingOffice(server.url)
    memory.afterSeedMiB = server.rssMiB()
    const heapAfterSeedMiB = await v8HeapMiB(server.url)
    console.log(`bench: seeded in ${seconds(started)} s; terms read (about 70 s)…`)
    const terms = await benchTermsRead(server.url)
    console.log(`bench: ${seconds(started)} s; slots…`)
    const slots = await benchSlots(server.url, seed)
    console.log(`bench: ${seconds(started)} s; booking creation (about 45 s)…`)
    const bookings = await benchBookingCreation(server.url)
    console.log(
      `bench: ${seconds(started)} s; usage dashboard at 100,000 bookings (in this process)…`,
    )
    const dashboard = await benchDashboard()
    results = {
      machine,
      terms,
      slots,
      bookings,
      dashboard,
      peakRssMiB: server.peakRssMiB(),
      heapAfterSeedMiB,
      coldStart,
      ...memory,
      totalSeconds: 0,
    }
  } finally {
    await server.stop()
  }
  results.totalSeconds = (Date.now() - started) / 1000
  results.machine.loadAtEnd = os.loadavg()
  const file = path.join(projectRoot, 'bench', 'RESULTS.md')
  writeFileSync(file, markdown(results))
  console.log(summary(results))
  console.log(`bench: written ${path.relative(process.cwd(), file)}`)
}

/** The server's V8 heap (heapTotal), to tell it from native memory in the RSS. */
async function v8HeapMiB(url: string): Promise<number | null> {
  try {
    const response = await fetch(`${url}/bench/memory`)
    const body = (await response.json()) as { process: { heapTotal: number } }
    return Math.round(body.process.heapTotal / 1024 / 1024)
  } catch {
    return null
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
