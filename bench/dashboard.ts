/**
 * The usage dashboard's queries at 100,000 bookings: `tsx bench/dashboard.ts` alone, or as part of
 * `npm run bench`. Runs in this process on a temporary SQLite database: the demo offices and
 * policies are seeded through Payload, then 100,000 bookings spread over the two offices and the
 * past and next 200 days are inserted straight into the table (through Payload they would take
 * a quarter of an hour), and usageForOffices is timed for both offices over 12 weeks and a year.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { sql } from '@payloadcms/db-sqlite'

import { loadEnv } from '../src/config/env'
import { addDays, tokyoDateOf } from '../src/lib/tokyoTime'
import { startKiyaku } from '../src/server/start'
import { usageForOffices } from '../src/services/usage/usageStats'

export const DASHBOARD_BOOKINGS = 100_000
const ROUNDS = 15
const BATCH = 1_000
const STATUSES = [
  'confirmed',
  'completed',
  'cancelled',
  'expired',
  'no_show',
  'pending_confirmation',
]
const CHANNELS = ['self-service', 'staff-scheduled']
const CANCEL_VIA = ['phone', 'email', 'link', null]

export interface DashboardResults {
  bookings: number
  insertSeconds: number
  /** Median and worst of ROUNDS, milliseconds, for both offices together. */
  twelveWeeks: { medianMs: number; maxMs: number; counted: number }
  year: { medianMs: number; maxMs: number; counted: number }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function benchDashboard(): Promise<DashboardResults> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-bench-dashboard-'))
  const env = loadEnv({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    KIYAKU_DATA_DIR: dataDir,
    PAYLOAD_SECRET: `bench-${randomBytes(8).toString('hex')}`,
    KIYAKU_ADMIN: 'off',
    KIYAKU_DB_PUSH: 'true',
    KIYAKU_JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'silent',
  })
  const running = await startKiyaku(env, { seed: true })
  try {
    const { payload } = running
    const { docs: offices } = await payload.find({ collection: 'offices', depth: 0, limit: 10 })
    const officeIds = offices.map((office) => office.id)
    const db = payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }
    const today = tokyoDateOf(new Date())
    const started = Date.now()
    for (let first = 0; first < DASHBOARD_BOOKINGS; first += BATCH) {
      const values = []
      for (let n = first; n < Math.min(first + BATCH, DASHBOARD_BOOKINGS); n++) {
        const day = addDays(today, (n % 400) - 200)
        const minute = 10 * 60 + (Math.floor(n / 400) % 12) * 30
        const start = new Date(
          `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+09:00`,
        )
        const status = STATUSES[n % STATUSES.length]!
        values.push(
          sql`(${officeIds[n % officeIds.length]}, ${`BENCH-${n}`}, ${start.toISOString()}, ${new Date(start.getTime() + 1_800_000).toISOString()}, ${CHANNELS[n % 2]}, ${status}, ${status === 'cancelled' ? CANCEL_VIA[n % 4] : null}, ${`bench|${n}`})`,
        )
      }
      await db.drizzle.run(
        sql`insert into bookings (office_id, reference, slot_start, slot_end, channel, status, cancel_via, seat_lock) values ${sql.join(values, sql`, `)}`,
      )
    }
    const insertSeconds = (Date.now() - started) / 1000

    const measure = async (from: string, to: string) => {
      const times: number[] = []
      let counted = 0
      for (let round = 0; round < ROUNDS; round++) {
        const begin = performance.now()
        const usage = await usageForOffices(payload, officeIds, from, to)
        times.push(performance.now() - begin)
        counted = usage.all.total
      }
      return { medianMs: median(times), maxMs: Math.max(...times), counted }
    }
    return {
      bookings: DASHBOARD_BOOKINGS,
      insertSeconds,
      twelveWeeks: await measure(addDays(today, -83), today),
      year: await measure(addDays(today, -365), today),
    }
  } finally {
    await running.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export function describeDashboard(results: DashboardResults): string {
  const line = (name: string, figure: DashboardResults['year']) =>
    `${name}: median ${figure.medianMs.toFixed(1)} ms, worst ${figure.maxMs.toFixed(1)} ms (${figure.counted} bookings counted)`
  return [
    `usage dashboard, ${results.bookings.toLocaleString('en')} bookings (inserted in ${results.insertSeconds.toFixed(1)} s), both offices:`,
    `  ${line('12 weeks', results.twelveWeeks)}`,
    `  ${line('one year', results.year)}`,
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchDashboard().then(
    (results) => {
      console.log(describeDashboard(results))
      process.exit(0)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
