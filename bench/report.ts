import { execFileSync } from 'node:child_process'
import os from 'node:os'

import type { BookingResults } from './bookings'
import {
  COLD_START_TARGET_MS,
  HEADLESS_PEAK_RSS_TARGET_MIB,
  type ColdStartResults,
} from './coldStart'
import {
  CONNECTIONS,
  isMeasured,
  MEASURE_SECONDS,
  ROUNDS,
  WARM_UP_SECONDS,
  type Outcome,
} from './measure'
import { HEADLESS_HEAP_LIMIT } from './server'
import { BENCH_CAPACITY, BOOKING_OFFICE, SEEDED_BOOKINGS, type SlotsResults } from './slots'
import { DASHBOARD_BOOKINGS, type DashboardResults } from './dashboard'
import { TERMS_OFFICE, type TermsResults } from './terms'

export interface MachineNotes {
  date: string
  cpus: number
  cpuModel: string
  memoryGiB: number
  node: string
  os: string
  commit: string
  /** 1, 5 and 15 minute load averages when the run started and when it ended. */
  loadAtStart: number[]
  loadAtEnd: number[]
}

export interface BenchResults {
  machine: MachineNotes
  terms: TermsResults
  slots: SlotsResults
  bookings: BookingResults
  /** The usage dashboard's queries, in the bench process on its own database. */
  dashboard: DashboardResults
  peakRssMiB: number | null
  coldStart: ColdStartResults
  /** V8's heapTotal after seeding: the rest of the RSS is native (libsql, Node itself). */
  heapAfterSeedMiB: number | null
  /** VmRSS once the server answers /healthz (demo seed loaded), and after the 5,000 bookings. */
  afterStartMiB: number | null
  afterSeedMiB: number | null
  totalSeconds: number
}

export function machineNotes(projectRoot: string): MachineNotes {
  let commit = 'unknown'
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim()
    commit = git('rev-parse', '--short', 'HEAD')
    if (git('status', '--porcelain', '--untracked-files=no') !== '')
      commit += ' + uncommitted changes'
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    commit,
    loadAtStart: os.loadavg(),
    loadAtEnd: [],
  }
}

const loads = (averages: number[]) =>
  averages.length ? averages.map((value) => value.toFixed(2)).join(' / ') : '–'

/** More runnable work than half the CPUs before or after the run: someone else was busy. */
function busy(machine: MachineNotes): boolean {
  const oneMinute = Math.max(machine.loadAtStart[0] ?? 0, machine.loadAtEnd[0] ?? 0)
  return oneMinute > machine.cpus * 0.5 + 1
}

const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits)

/**
 * ours / baseline in 2xx per second, e.g. "0.93": the median over the rounds of the ratio of the
 * two rounds run side by side, so a burst of load from outside that hits a few rounds does not
 * decide the figure. Without paired rounds, the ratio of the totals.
 */
export function ratio(ours: Outcome, baseline: Outcome): number | null {
  if (!isMeasured(ours) || !isMeasured(baseline) || baseline.client.okPerSecond === 0) {
    return null
  }
  const pairs = ours.roundOkPerSecond
    .map((value, index) => value / (baseline.roundOkPerSecond[index] ?? 0))
    .filter((value) => Number.isFinite(value))
  if (pairs.length === 0 || pairs.length !== baseline.roundOkPerSecond.length) {
    return totalsRatio(ours, baseline)
  }
  const sorted = pairs.sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** ours / baseline from the totals over all rounds. */
export function totalsRatio(ours: Outcome, baseline: Outcome): number | null {
  if (!isMeasured(ours) || !isMeasured(baseline) || baseline.client.okPerSecond === 0) return null
  return ours.client.okPerSecond / baseline.client.okPerSecond
}

function row(outcome: Outcome): string {
  if (!isMeasured(outcome)) {
    return `| ${outcome.label} | \`${outcome.request}\` | not measured: ${outcome.reason} | | | | | | |`
  }
  const { client, server } = outcome
  const failures = client.responses - client.ok + client.errors
  return [
    '',
    ` ${outcome.label} `,
    ` \`${outcome.request}\` `,
    ` ${fixed(client.okPerSecond, 0)} `,
    ` ${fixed(client.p50Ms)} `,
    ` ${fixed(client.p99Ms)} `,
    ` ${fixed(server?.p50Ms, 2)} `,
    ` ${fixed(server?.meanMs, 2)} `,
    ` ${fixed(server?.p99Ms, 2)} `,
    ` ${client.ok}${failures > 0 ? ` (+${failures} failed: ${JSON.stringify(client.statusCodes)})` : ''} `,
    '',
  ].join('|')
}

const TABLE_HEAD = [
  '| benchmark | request | 2xx/s | p50 ms | p99 ms | server p50 ms | server mean ms | server p99 ms | 2xx responses |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
]

/** ✓ or ✗ against an upper bound; nothing when not measured. */
function mark(value: number | null, atMost: number): string {
  return value === null ? '' : value <= atMost ? '✓' : '✗'
}

function coldStartValue(coldStart: ColdStartResults): string {
  const { median: m } = coldStart
  if (m === null) return `not measured: ${coldStart.error ?? 'no start'}`
  const s = (ms: number | null) => (ms === null ? '–' : fixed(ms / 1000, 2))
  const cpus = coldStart.samples.map((sample) => s(sample.readyzCpuMs)).join(', ')
  return (
    `CPU ${s(m.readyzCpuMs)} s (${cpus}); wall ${s(m.readyzMs)} s; ` +
    `first 200 on /public/v1/offices: CPU ${s(m.publicReadCpuMs)} s, wall ${s(m.publicReadMs)} s`
  )
}

export function markdown(results: BenchResults): string {
  const { machine, terms, slots, bookings } = results
  const termsRatio = ratio(terms.ours, terms.copyFromMemory)
  const termsVsRest = ratio(terms.ours, terms.payloadRest)
  const bookingRatio = ratio(bookings.ours, bookings.bareCreate)
  const slotsServerMedian = isMeasured(slots.sequential) ? slots.sequential.server?.p50Ms : null
  const seed = slots.seed
  const lines = [
    '# Benchmarks',
    '',
    'Measurements, not pass/fail. Produced by `npm run bench` (bench/run.ts); rerun to refresh.',
    '',
    '## Machine',
    '',
    `- date: ${machine.date}`,
    `- CPUs (\`nproc\`): ${machine.cpus} × ${machine.cpuModel}`,
    `- memory: ${machine.memoryGiB} GiB`,
    `- node: ${machine.node}; ${machine.os}`,
    `- code: ${machine.commit}`,
    `- load average (1/5/15 min): ${loads(machine.loadAtStart)} at the start, ${loads(machine.loadAtEnd)} at the end` +
      (busy(machine)
        ? ` — other work was running on this machine, so the figures are noisier than usual`
        : ''),
    `- server and load generator share the machine (loopback); SQLite in a temporary directory`,
    '',
    '## Figures',
    '',
    `${CONNECTIONS} connections; per row a ${WARM_UP_SECONDS} s warm-up (dropped), then ${MEASURE_SECONDS} s measured in ${ROUNDS} rounds`,
    'of equal length taken in turn with the rows it is compared with (A B, B A, …), so a change in the',
    'machine’s load falls on both sides of a ratio alike; p50 is the mean of the rounds’ medians,',
    'p99 the worst round’s. Slots rows differ, as they say. Client latency is autocannon’s, from',
    'request written to response read; server time is measured inside the server, from the bench',
    'middleware (after logging and security headers; for the slots and booking routes it includes',
    'the public router’s rate limit and body parser) to the response handed to the socket. A ratio is the',
    'median over the rounds of the two rows’ 2xx/s in rounds run side by side (the ratio of the',
    'totals is given too): on this shared VM a burst of outside load moves single rounds by ±10 %.',
    '',
    ...TABLE_HEAD,
    row(terms.ours),
    row(terms.copyFromMemory),
    row(terms.payloadRest),
    row(slots.sequential),
    row(slots.concurrent),
    row(bookings.ours),
    row(bookings.bareCreate),
    '',
    '| figure | value | target |',
    '| --- | ---: | ---: |',
    `| terms read ÷ (a) same bytes from memory | ${fixed(termsRatio, 2)} (totals ${fixed(totalsRatio(terms.ours, terms.copyFromMemory), 2)}) | ≥ 0.9 |`,
    `| terms read ÷ (b) Payload REST find | ${fixed(termsVsRest, 2)} | |`,
    `| slots, 31 days, 5,000 bookings: median server time | ${fixed(slotsServerMedian, 2)} ms | ≤ 5 ms |`,
    `| slots, first request after seeding (cold caches): server time | ${fixed(slots.firstRequestServerMs, 2)} ms | |`,
    `| booking creation ÷ bare Payload create | ${fixed(bookingRatio, 2)} (totals ${fixed(totalsRatio(bookings.ours, bookings.bareCreate), 2)}) | ≥ 0.5 |`,
    `| usage dashboard, ${DASHBOARD_BOOKINGS.toLocaleString('en')} bookings, both offices, 12 weeks / one year: median | ${fixed(results.dashboard.twelveWeeks.medianMs, 1)} / ${fixed(results.dashboard.year.medianMs, 1)} ms | |`,
    `| server RSS after start (demo seed) / after seeding 5,000 bookings | ${results.afterStartMiB ?? '–'} / ${results.afterSeedMiB ?? '–'} MiB | |`,
    `| of which V8 heap (heapTotal) after seeding | ${results.heapAfterSeedMiB ?? '–'} MiB | |`,
    `| headless server (KIYAKU_ADMIN=off, \`${HEADLESS_HEAP_LIMIT}\`) peak RSS (VmHWM) over the whole run | ${results.peakRssMiB ?? '–'} MiB | ≤ ${HEADLESS_PEAK_RSS_TARGET_MIB} MiB ${mark(results.peakRssMiB, HEADLESS_PEAK_RSS_TARGET_MIB)} |`,
    `| cold start, \`npm start\` (built, fresh SQLite) to first 200 on /readyz: median of ${results.coldStart.samples.length}, CPU time (wall is an upper bound on a shared machine) | ${coldStartValue(results.coldStart)} | CPU ≤ ${COLD_START_TARGET_MS / 1000} s ${mark(results.coldStart.median?.readyzCpuMs ?? null, COLD_START_TARGET_MS)} |`,
    `| whole run, server start to stop | ${fixed(results.totalSeconds, 0)} s | |`,
    '',
    '## What each row does',
    '',
    `- **Terms read**: \`GET /public/v1/offices/${TERMS_OFFICE}/terms\` on the demo seed` +
      (terms.responseBytes !== null
        ? ` (${terms.responseBytes} bytes, \`${terms.contentType}\`).`
        : '.'),
    '  (a) `GET /bench/copy/public/v1/…` in the same server: on its first request it fetches the',
    '  real response once over loopback and then sends the stored bytes (and content-type, etag,',
    '  cache-control) from memory. (b) Payload REST `GET /api/terms-editions` for the published',
    '  edition in force: `where[office][equals]=ID&where[status][equals]=published`,',
    '  `where[effectiveFrom][less_than_equal]=TODAY&sort=-effectiveFrom&limit=1&depth=0`, measured',
    '  on its own after the other two, so its garbage is not collected in their rounds.',
    `- **Slots**: \`GET /public/v1/offices/${BOOKING_OFFICE}/slots?from=${slots.range.from}&to=${slots.range.to}\``,
    `  (31 days${slots.openSlots !== null ? `, ${slots.openSlots} open slots, ${slots.responseBytes} bytes` : ''}).`,
    `  Before it, the office's seats per slot are raised to ${BENCH_CAPACITY} (\`POST /bench/capacity\`, through Payload)`,
    `  and ${SEEDED_BOOKINGS} bookings are written through \`payload.db.create\` (\`POST /bench/seed-bookings\`)` +
      ('error' in seed
        ? `: ${seed.error}.`
        : `: ${seed.future} on ${seed.futureSlots} open slots of the next 31 days, ${seed.past} over the past year` +
          ` (${Object.entries(seed.statuses)
            .map(([status, count]) => `${count} ${status}`)
            .join(', ')}), in ${fixed(seed.milliseconds / 1000)} s.`),
    '  The first row sends one request at a time (up to 1,000 in 5 s) and its server median is the',
    '  figure for the ≤ 5 ms target; the second row is 16 connections for 5 s. The route keeps an',
    '  office’s policies and held seats in memory for up to 2 s, so the median is mostly the',
    '  in-memory path and the p99 shows the reloads; the “first request after seeding” figure is',
    '  the server time with nothing cached.',
    `- **Booking creation**: \`POST /public/v1/offices/${BOOKING_OFFICE}/bookings\`, every request a`,
    '  distinct valid self-service booking (applicant fields from the policy, every eligibility',
    '  statement affirmed, consent to the edition in force from `/terms`) on a free seat taken',
    '  round-robin over the open slots' +
      (bookings.seatsOffered !== null ? ` (${bookings.seatsOffered} free seats offered)` : '') +
      '; the warm-up books up to 200. Each booking comes from its own address',
    '  (`X-Forwarded-For: 10.x.y.z`, which the server trusts from loopback), as real applicants do:',
    '  the route allows 30 successful bookings per address and hour, and no limit is switched off.',
    '  Against `POST /api/bench-records` (one text field, no hooks; only the bench server has it).',
    '- **Peak RSS**: `VmHWM` of the server process from `/proc/PID/status` just before it stops.',
    '- **Cold start**: `node --conditions=production scripts/start.mjs` (what `npm start` runs, without',
    '  npm’s own launch of about 0.3 s) with `NODE_ENV=production KIYAKU_ADMIN=off`, each of 5 starts on',
    '  a fresh SQLite data directory (the migrations run every time), timed from spawn to the first 200',
    '  on `/readyz` (polled every 20 ms), then to the first 200 on `GET /public/v1/offices`. The CPU',
    '  time (user + system, from `/proc/PID/stat` at that moment) is the figure held to the target:',
    '  the machine is shared, and the wall time is only an upper bound. Run first, before the server',
    '  above starts; the build check (hashing src/) is included. Alone: `npx tsx bench/coldStart.ts`.',
    '',
    '## How to reproduce',
    '',
    '```sh',
    'npm ci',
    'npm run bench   # about 2–3 minutes; rewrites bench/RESULTS.md',
    '```',
    '',
    'bench/run.ts starts the bench server in its own process (bench/serve.ts bundled by esbuild as',
    '`npm start` bundles the product, run with `node --max-old-space-size=192 --conditions=production`) with',
    '`KIYAKU_ADMIN=off KIYAKU_DB_PUSH=true NODE_ENV=test LOG_LEVEL=warn`,',
    '`KIYAKU_JOBS_AUTORUN=false`, `KIYAKU_PUBLIC_RATE_LIMIT=100000000`, a temporary `KIYAKU_DATA_DIR`',
    '(SQLite; `DATABASE_URL` is ignored) and a free loopback port, runs the rows above with',
    'autocannon, reads the server’s peak RSS, stops the server and removes its data. bench/serve.ts',
    'starts Kiyaku with the `/bench/*` routes (bench/benchRoutes.ts) and the `bench-records` collection',
    '(bench/benchRecords.ts), which the product has not; it refuses `NODE_ENV=production`.',
    '',
  ]
  return lines.join('\n')
}

export function summary(results: BenchResults): string {
  const describe = (outcome: Outcome) =>
    isMeasured(outcome)
      ? `${fixed(outcome.client.okPerSecond, 0).padStart(6)} 2xx/s  p50 ${fixed(outcome.client.p50Ms).padStart(6)} ms  p99 ${fixed(outcome.client.p99Ms).padStart(6)} ms  server p50 ${fixed(outcome.server?.p50Ms, 2)} ms, mean ${fixed(outcome.server?.meanMs, 2)} ms`
      : `not measured: ${outcome.reason}`
  const { terms, slots, bookings } = results
  return [
    '',
    `terms read            ${describe(terms.ours)}`,
    `  (a) from memory     ${describe(terms.copyFromMemory)}`,
    `  (b) Payload REST    ${describe(terms.payloadRest)}`,
    `  ratio ours/(a)      ${fixed(ratio(terms.ours, terms.copyFromMemory), 2)} (target ≥ 0.9)`,
    `slots, sequential     ${describe(slots.sequential)}`,
    `slots, 16 conns       ${describe(slots.concurrent)}`,
    `booking creation      ${describe(bookings.ours)}`,
    `  bare create         ${describe(bookings.bareCreate)}`,
    `  ratio               ${fixed(ratio(bookings.ours, bookings.bareCreate), 2)} (target ≥ 0.5)`,
    `usage dashboard       12 weeks ${fixed(results.dashboard.twelveWeeks.medianMs, 1)} ms, one year ${fixed(results.dashboard.year.medianMs, 1)} ms (median, ${DASHBOARD_BOOKINGS} bookings)`,
    `server RSS            ${results.afterStartMiB ?? '–'} MiB after start, ${results.afterSeedMiB ?? '–'} MiB after seeding, peak ${results.peakRssMiB ?? '–'} MiB (target ≤ ${HEADLESS_PEAK_RSS_TARGET_MIB})`,
    `cold start            ${coldStartValue(results.coldStart)} (target ≤ ${COLD_START_TARGET_MS / 1000} s)`,
    `total                 ${fixed(results.totalSeconds, 0)} s`,
    `load average          ${loads(results.machine.loadAtStart)} → ${loads(results.machine.loadAtEnd)}${busy(results.machine) ? ' (machine busy: figures noisy)' : ''}`,
    '',
  ].join('\n')
}
