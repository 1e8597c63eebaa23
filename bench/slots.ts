import { postJson, pollUntil } from './http'
import {
  addDays,
  CONNECTIONS,
  measure,
  resetServerTimings,
  serverTiming,
  tokyoToday,
  type Outcome,
} from './measure'

export const BOOKING_OFFICE = 'kitakyushu-mothers'
export const SEEDED_BOOKINGS = 5_000
/** Seats per slot while the benchmark runs (the collection's maximum), so bookings find seats. */
export const BENCH_CAPACITY = 50

const SEQUENTIAL_REQUESTS = 1_000
const SEQUENTIAL_SECONDS = 5
const CONCURRENT_SECONDS = 5

export interface SeedReport {
  created: number
  future: number
  past: number
  futureSlots: number
  statuses: Record<string, number>
  milliseconds: number
}

export interface SlotsResults {
  seed: SeedReport | { error: string }
  /** One request at a time: the server's own time per request (the figure to hold to ≤ 5 ms). */
  sequential: Outcome
  /** 16 connections: throughput under load. */
  concurrent: Outcome
  /** Server time of the first request after seeding, before any cache holds the office. */
  firstRequestServerMs: number | null
  range: { from: string; to: string }
  openSlots: number | null
  responseBytes: number | null
}

/**
 * Raises the office's seats per slot, then writes the bookings straight through the database
 * adapter in the server process (POST /bench/seed-bookings): 40 % on the next 31 days' slots,
 * the rest over the past year.
 */
export async function prepareBookingOffice(
  baseUrl: string,
): Promise<SeedReport | { error: string }> {
  const capacity = await postJson<unknown>(`${baseUrl}/bench/capacity`, {
    office: BOOKING_OFFICE,
    capacity: BENCH_CAPACITY,
  })
  if (capacity.status !== 200) {
    return { error: `raising capacity failed: ${capacity.status} ${JSON.stringify(capacity.body)}` }
  }
  const seeded = await postJson<SeedReport>(
    `${baseUrl}/bench/seed-bookings`,
    { office: BOOKING_OFFICE, count: SEEDED_BOOKINGS, futureShare: 0.4 },
    {},
    60_000,
  )
  if (seeded.status !== 200) {
    return { error: `seeding failed: ${seeded.status} ${JSON.stringify(seeded.body)}` }
  }
  return seeded.body
}

export function slotsRange(): { from: string; to: string } {
  const from = tokyoToday()
  return { from, to: addDays(from, 30) }
}

/** The slot list's entries, whatever the envelope: a bare array or { slots: [...] }. */
export function slotEntries(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body as Record<string, unknown>[]
  if (body && typeof body === 'object') {
    for (const value of Object.values(body)) {
      if (Array.isArray(value) && value.every((entry) => entry && typeof entry === 'object')) {
        const first = value[0] as Record<string, unknown> | undefined
        if (!first || 'start' in first) return value as Record<string, unknown>[]
      }
    }
  }
  return []
}

export async function benchSlots(
  baseUrl: string,
  seed: SlotsResults['seed'],
): Promise<SlotsResults> {
  const range = slotsRange()
  const path = `/public/v1/offices/${BOOKING_OFFICE}/slots`
  const url = `${baseUrl}${path}?from=${range.from}&to=${range.to}`
  const results: SlotsResults = {
    seed,
    sequential: { label: 'slots, one at a time', request: `GET ${path}`, reason: 'not run' },
    concurrent: { label: 'slots, 16 connections', request: `GET ${path}`, reason: 'not run' },
    firstRequestServerMs: null,
    range,
    openSlots: null,
    responseBytes: null,
  }
  if ('error' in seed) {
    results.sequential = { ...results.sequential, reason: seed.error }
    results.concurrent = { ...results.concurrent, reason: seed.error }
    return results
  }
  await resetServerTimings(baseUrl)
  const first = await pollUntil(url, { limitMs: 5_000 })
  if (first.status !== 200) {
    const reason = `GET ${path} answered ${first.status || 'nothing'} on a freshly seeded server`
    results.sequential = { ...results.sequential, reason }
    results.concurrent = { ...results.concurrent, reason }
    return results
  }
  results.firstRequestServerMs = (await serverTiming(baseUrl, `GET ${path}`))?.maxMs ?? null
  results.responseBytes = first.body.length
  results.openSlots = slotEntries(JSON.parse(first.body.toString())).length

  results.sequential = await measure(baseUrl, {
    label: results.sequential.label,
    routeKey: `GET ${path}`,
    load: {
      url,
      connections: 1,
      seconds: SEQUENTIAL_SECONDS,
      maxRequests: SEQUENTIAL_REQUESTS,
    },
    warmUp: { seconds: 2, maxRequests: 200 },
  })
  results.concurrent = await measure(baseUrl, {
    label: results.concurrent.label,
    routeKey: `GET ${path}`,
    load: { url, connections: CONNECTIONS, seconds: CONCURRENT_SECONDS },
    warmUp: { seconds: 0 },
  })
  return results
}
