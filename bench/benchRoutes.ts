import { randomUUID } from 'node:crypto'
import v8 from 'node:v8'
import express, { Router, type Request } from 'express'
import type { Payload } from 'payload'

import { listSlots } from '../src/rules/booking/listSlots'
import { addDays, MINUTE_MS, parseHhmm, tokyoDateOf, tokyoDay } from '../src/lib/tokyoTime'
import type { BookingPolicy, Weekday } from '../src/rules/booking/types'

/**
 * Benchmark-only routes, mounted only by the bench server (bench/serve.ts), never by the product.
 * `npm run bench` (bench/run.ts) uses them to:
 * - time every request inside this process (GET/DELETE /bench/timings);
 * - serve a stored copy of a public GET response from memory, the baseline for our own route
 *   (GET /bench/copy/public/v1/…);
 * - seed thousands of bookings straight through the database adapter (POST /bench/seed-bookings);
 * - raise an office's seats per slot, so a booking run finds enough free seats (POST /bench/capacity).
 */
const MAX_TIMED_ROUTES = 200
const DURATIONS_KEPT_PER_ROUTE = 50_000
const MAX_SEEDED_BOOKINGS = 50_000
const SEED_WRITES_IN_FLIGHT = 4
const PAST_DAYS_SEEDED = 365

/** The last N durations of one route, in milliseconds. */
class DurationRing {
  private readonly durations = new Float64Array(DURATIONS_KEPT_PER_ROUTE)
  private next = 0
  private stored = 0
  total = 0

  add(milliseconds: number): void {
    this.durations[this.next] = milliseconds
    this.next = (this.next + 1) % this.durations.length
    this.stored = Math.min(this.stored + 1, this.durations.length)
    this.total++
  }

  summary() {
    const sorted = Array.from(this.durations.subarray(0, this.stored)).sort((a, b) => a - b)
    const at = (fraction: number) =>
      sorted.length === 0
        ? null
        : round(sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!)
    const sum = sorted.reduce((total, value) => total + value, 0)
    return {
      count: this.total,
      kept: sorted.length,
      meanMs: sorted.length === 0 ? null : round(sum / sorted.length),
      p50Ms: at(0.5),
      p90Ms: at(0.9),
      p99Ms: at(0.99),
      maxMs: sorted.length === 0 ? null : round(sorted[sorted.length - 1]!),
    }
  }
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 1000) / 1000
}

interface StoredResponse {
  status: number
  headers: [string, string][]
  body: Buffer
}

/** Response headers the copy keeps, so it sends what our route sends (Express adds the rest). */
const COPIED_HEADERS = ['content-type', 'etag', 'cache-control', 'vary', 'last-modified']

export function benchRouter(payload: Payload): Router {
  const router = Router()
  const timings = new Map<string, DurationRing>()

  // Server time per request: from here (after logging and security headers) until the response
  // is handed to the socket. Keyed by method and path without the query string.
  router.use(function timeRequest(req, res, next) {
    const started = process.hrtime.bigint()
    res.once('finish', () => {
      const key = `${req.method} ${req.originalUrl.split('?')[0]}`
      let ring = timings.get(key)
      if (!ring) {
        if (timings.size >= MAX_TIMED_ROUTES) return
        ring = new DurationRing()
        timings.set(key, ring)
      }
      ring.add(Number(process.hrtime.bigint() - started) / 1e6)
    })
    next()
  })

  // Under one prefix, so a measured route passes one failed prefix check rather than every route.
  const routes = Router()
  router.use('/bench', routes)

  routes.get('/timings', (_req, res) => {
    const routes = Object.fromEntries([...timings].map(([key, ring]) => [key, ring.summary()]))
    res.json({ routes })
  })

  // Where the memory is: V8's heap spaces beside the process totals (bench/RESULTS.md).
  routes.get('/memory', (_req, res) => {
    res.json({
      process: process.memoryUsage(),
      spaces: v8.getHeapSpaceStatistics().map((space) => ({
        name: space.space_name,
        used: space.space_used_size,
        size: space.space_size,
      })),
    })
  })

  routes.delete('/timings', (_req, res) => {
    timings.clear()
    res.status(204).end()
  })

  // Baseline: the same bytes as a public GET, from memory. The first request for a path fetches
  // the real response once over loopback; only a 200 is kept.
  const copies = new Map<string, StoredResponse>()
  routes.get('/copy/public/v1/{*rest}', async (req, res, next) => {
    try {
      const target = req.originalUrl.slice('/bench/copy'.length)
      let copy = copies.get(target)
      if (!copy) {
        const fetched = await fetchOnce(req, target)
        if (fetched.status !== 200) {
          res.status(502).json({ error: `GET ${target} returned ${fetched.status}` })
          return
        }
        copies.set(target, fetched)
        copy = fetched
      }
      for (const [name, value] of copy.headers) res.setHeader(name, value)
      res.status(copy.status).end(copy.body)
    } catch (error) {
      next(error)
    }
  })

  routes.post('/capacity', express.json(), async (req, res, next) => {
    try {
      const { office, capacity } = req.body as { office?: unknown; capacity?: unknown }
      if (typeof office !== 'string' || typeof capacity !== 'number') {
        res.status(400).json({ error: 'expected { office: slug, capacity: number }' })
        return
      }
      const officeId = await officeIdBySlug(payload, office)
      const { docs } = await payload.find({
        collection: 'reservation-policies',
        where: { office: { equals: officeId } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
      // Through Payload, not the adapter: validation applies and the policy caches are told.
      for (const doc of docs) {
        await payload.update({
          collection: 'reservation-policies',
          id: doc.id,
          data: { capacityPerSlot: capacity },
          overrideAccess: true,
          context: { bench: true },
        })
      }
      res.json({ office, officeId, capacity, policiesUpdated: docs.length })
    } catch (error) {
      next(error)
    }
  })

  routes.post('/seed-bookings', express.json(), async (req, res, next) => {
    try {
      const { office, count, futureShare } = req.body as Record<string, unknown>
      if (
        typeof office !== 'string' ||
        typeof count !== 'number' ||
        !Number.isInteger(count) ||
        count < 1 ||
        count > MAX_SEEDED_BOOKINGS
      ) {
        res
          .status(400)
          .json({ error: `expected { office: slug, count: 1..${MAX_SEEDED_BOOKINGS} }` })
        return
      }
      const share = typeof futureShare === 'number' ? Math.min(1, Math.max(0, futureShare)) : 0.4
      const started = Date.now()
      const seeded = await seedBookings(payload, office, count, share)
      res.json({ office, ...seeded, milliseconds: Date.now() - started })
    } catch (error) {
      next(error)
    }
  })

  return router
}

async function fetchOnce(req: Request, target: string): Promise<StoredResponse> {
  const port = req.socket.localPort
  const accept = req.headers.accept
  const response = await fetch(`http://127.0.0.1:${port}${target}`, {
    headers: accept ? { accept } : {},
  })
  const headers: [string, string][] = []
  for (const name of COPIED_HEADERS) {
    const value = response.headers.get(name)
    if (value !== null) headers.push([name, value])
  }
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) }
}

async function officeIdBySlug(payload: Payload, slug: string): Promise<number | string> {
  const { docs } = await payload.find({
    collection: 'offices',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const office = docs[0]
  if (!office) throw new Error(`no office with slug ${slug}`)
  return office.id
}

/** The stored policy as the slot rules read it; only what listing slots needs. */
function rulesPolicyOf(doc: Record<string, unknown>): BookingPolicy {
  const rows = (value: unknown) =>
    Array.isArray(value) ? (value as Record<string, unknown>[]) : []
  return {
    effectiveFrom: String(doc.effectiveFrom),
    channels: rows(doc.channels).map((row) => ({
      channel: row.channel,
      tools: row.tools ?? [],
      requiredFields: row.requiredFields ?? [],
      optionalFields: row.optionalFields ?? [],
      cancelBy: row.cancelBy ?? [],
    })) as BookingPolicy['channels'],
    windows: rows(doc.windows).map((row) => ({
      weekday: Number(row.weekday) as Weekday,
      start: String(row.start),
      end: String(row.end),
    })),
    sessionMinutes: Number(doc.sessionMinutes),
    capacityPerSlot: Number(doc.capacityPerSlot),
    closures: rows(doc.closures).map((row) => String(row.date)),
    leadTime: doc.leadTime as BookingPolicy['leadTime'],
    bookingWindowDays: Number(doc.bookingWindowDays),
    confirmWindowMinutes: Number(doc.confirmWindowMinutes),
    noShowGraceMinutes: Number(doc.noShowGraceMinutes),
    refuseAfterNoShows: Number(doc.refuseAfterNoShows),
    eligibility: [],
    court: String(doc.court ?? ''),
    governingLaw: String(doc.governingLaw ?? ''),
  }
}

interface SeededSlot {
  startMs: number
  endMs: number
}

/** Every slot start of the policy's weekly windows on the `days` dates before today (JST). */
function pastSlots(policy: BookingPolicy, today: string, days: number): SeededSlot[] {
  const slots: SeededSlot[] = []
  for (let back = days; back >= 1; back--) {
    const day = tokyoDay(addDays(today, -back))
    for (const window of policy.windows) {
      if (window.weekday !== day.weekday) continue
      const start = parseHhmm(window.start)
      const end = parseHhmm(window.end)
      if (start === null || end === null) continue
      for (
        let minute = start;
        minute + policy.sessionMinutes <= end;
        minute += policy.sessionMinutes
      ) {
        const startMs = day.startMs + minute * MINUTE_MS
        slots.push({ startMs, endMs: startMs + policy.sessionMinutes * MINUTE_MS })
      }
    }
  }
  return slots
}

/** Seat indexes already taken per slot start (ms), so seeding twice never reuses a seatLock. */
async function seatsAlreadyHeld(
  payload: Payload,
  officeId: number | string,
): Promise<Map<number, Set<number>>> {
  const { docs } = await payload.db.find<{ seatLock?: string | null }>({
    collection: 'bookings',
    where: { and: [{ office: { equals: officeId } }, { seatLock: { like: `${officeId}|` } }] },
    pagination: false,
    limit: 0,
    select: { seatLock: true },
  })
  const held = new Map<number, Set<number>>()
  for (const { seatLock } of docs) {
    const [office, start, seat] = (seatLock ?? '').split('|')
    if (office !== String(officeId) || !start || seat === undefined) continue
    const startMs = Date.parse(start)
    if (Number.isNaN(startMs) || !/^\d+$/.test(seat)) continue
    const seats = held.get(startMs) ?? new Set<number>()
    seats.add(Number(seat))
    held.set(startMs, seats)
  }
  return held
}

interface SqliteAdapterClient {
  execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>
}

/**
 * SQLite in WAL mode with synchronous=FULL flushes to disk on every insert, which makes 5,000
 * single inserts take half a minute. Seeding runs without that flush; the server's own setting is
 * put back before anything is measured. Other databases: unchanged.
 */
async function withoutFsyncOnSqlite<T>(payload: Payload, work: () => Promise<T>): Promise<T> {
  const client = (payload.db as unknown as { client?: SqliteAdapterClient }).client
  if (payload.db.name !== 'sqlite' || typeof client?.execute !== 'function') return work()
  const { rows } = await client.execute('PRAGMA synchronous')
  const previous = Number(rows[0]?.synchronous)
  await client.execute('PRAGMA synchronous = OFF')
  try {
    return await work()
  } finally {
    if (Number.isInteger(previous)) await client.execute(`PRAGMA synchronous = ${previous}`)
  }
}

/**
 * `count` bookings for one office through payload.db.create (no hooks, no access: fast), a
 * `futureShare` of them on the open slots of the next 31 days and the rest on the past year's
 * slots. Future bookings are mostly active (confirmed or awaiting confirmation, each holding a
 * seat within the slot's capacity) and some cancelled; past ones completed, no-show or cancelled.
 */
async function seedBookings(
  payload: Payload,
  officeSlug: string,
  count: number,
  futureShare: number,
) {
  const officeId = await officeIdBySlug(payload, officeSlug)
  const { docs } = await payload.find({
    collection: 'reservation-policies',
    where: { office: { equals: officeId } },
    sort: 'effectiveFrom',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const policies = docs.map((doc) => rulesPolicyOf(doc as unknown as Record<string, unknown>))
  const latest = policies[policies.length - 1]
  if (!latest) throw new Error(`office ${officeSlug} has no reservation policy`)

  const now = new Date()
  const today = tokyoDateOf(now)
  const futureSlots: SeededSlot[] = listSlots({
    policies,
    from: today,
    to: addDays(today, 30),
    now,
  }).map((slot) => ({ startMs: Date.parse(slot.start), endMs: Date.parse(slot.end) }))
  const earlierSlots = pastSlots(latest, today, PAST_DAYS_SEEDED)
  const futureCount = futureSlots.length === 0 ? 0 : Math.round(count * futureShare)
  const pastCount = count - futureCount
  if (pastCount > 0 && earlierSlots.length === 0) throw new Error('no past slots to seed')

  const capacityAt = (startMs: number) =>
    policies.filter((policy) => tokyoDay(policy.effectiveFrom).startMs <= startMs).at(-1)
      ?.capacityPerSlot ?? latest.capacityPerSlot
  const seatsHeld = await seatsAlreadyHeld(payload, officeId)
  const statusCounts: Record<string, number> = {}
  const batch = randomUUID().slice(0, 8)

  const bookingData = (index: number) => {
    const future = index < futureCount
    const slots = future ? futureSlots : earlierSlots
    const position = future ? index : index - futureCount
    const slot = slots[position % slots.length]!
    let status: string
    if (future)
      status = position % 5 === 4 ? 'cancelled' : index % 2 ? 'pending_confirmation' : 'confirmed'
    else status = position % 10 < 7 ? 'completed' : position % 10 < 8 ? 'no_show' : 'cancelled'

    // As src/services/bookings/seats.ts writes them: "office|start|seat" from seat 0 while the
    // booking holds a seat, a unique tombstone once it has left it.
    let seatLock = `released|bench-${batch}-${index}`
    if (status !== 'cancelled') {
      const held = seatsHeld.get(slot.startMs) ?? new Set<number>()
      seatsHeld.set(slot.startMs, held)
      let seat = 0
      while (held.has(seat)) seat++
      if (seat < capacityAt(slot.startMs)) {
        held.add(seat)
        seatLock = `${officeId}|${new Date(slot.startMs).toISOString()}|${seat}`
      } else status = 'cancelled'
    }
    statusCounts[status] = (statusCounts[status] ?? 0) + 1
    const applicantNumber = index % 1500
    return {
      office: officeId,
      reference: `BENCH-${batch}-${index}`,
      slotStart: new Date(slot.startMs).toISOString(),
      slotEnd: new Date(slot.endMs).toISOString(),
      channel: 'self-service',
      tool: 'teleoffice',
      status,
      applicant: {
        name: `ベンチ 利用者${applicantNumber}`,
        email: `bench-${applicantNumber}@example.test`,
        phone: `090${String(10_000_000 + applicantNumber).slice(-8)}`,
      },
      applicantKey: `bench-${batch}-${applicantNumber}`,
      confirmBy:
        status === 'pending_confirmation'
          ? new Date(now.getTime() + 24 * 60 * MINUTE_MS).toISOString()
          : undefined,
      seatLock,
    }
  }

  let next = 0
  const writer = async () => {
    while (next < count) {
      const index = next++
      await payload.db.create({
        collection: 'bookings',
        data: bookingData(index),
        returning: false,
      })
      // The SQLite driver answers synchronously: without a pause, no timer of the server runs
      // for the whole seed (real traffic gives the event loop a turn between requests).
      if (index % 100 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
  }
  await withoutFsyncOnSqlite(payload, () =>
    Promise.all(Array.from({ length: SEED_WRITES_IN_FLIGHT }, writer)),
  )
  return {
    officeId,
    created: count,
    future: futureCount,
    past: pastCount,
    futureSlots: futureSlots.length,
    statuses: statusCounts,
  }
}

/** One route's entry in GET /bench/timings. */
export type BenchTimingSummary = ReturnType<DurationRing['summary']>
