import type { Payload } from 'payload'

import { LoadingCache, PER_OFFICE_MAX } from '../../lib/loadingCache'
import { slotKey } from '../../rules/booking/listSlots'
import { tokyoDateOf, tokyoDay } from '../../lib/tokyoTime'
import { SEAT_HOLDING_STATUSES } from './seats'

/** The seats held in one slot: for good (confirmed), or by pending holds until their confirmBy. */
interface SlotHolders {
  confirmed: number
  holdsUntilMs: number[]
}

/** Per slot start (epoch ms), so a listing walks the office's slots, not every booking. */
type Occupancy = Map<number, SlotHolders>

/**
 * Seats held per office from today on, for the public slot list. Two seconds at most, and dropped
 * by the bookings' afterChange hook, so a listing is never more than a moment behind; a booking
 * itself never relies on it (claimSeat counts in the database).
 */
const OCCUPANCY_CACHE_TTL_MS = 2_000

const cache = new LoadingCache<Occupancy>({ ttlMs: OCCUPANCY_CACHE_TTL_MS, max: PER_OFFICE_MAX })

interface HolderRow {
  slotStart: string | Date
  status: string
  confirmBy?: string | Date | null
}

interface SqliteAccess {
  name?: string
  drizzle?: { all: (query: unknown) => Promise<unknown[]> }
  tables?: Record<string, Record<string, unknown>>
}

/**
 * Three columns of every seat-holding booking from `since` on. Through Payload's adapter `find`
 * that costs about 300 ms per 5,000 rows (it builds full documents); on SQLite one plain SELECT
 * over the same columns (named through the adapter's own table definition, so no column name is
 * spelled here) takes a few milliseconds. Other adapters take the generic path.
 */
async function readHolderRows(
  payload: Payload,
  officeId: number | string,
  since: string,
): Promise<HolderRow[]> {
  const db = payload.db as unknown as SqliteAccess
  const table = db.tables?.bookings
  if (db.name === 'sqlite' && db.drizzle && table) {
    // Loaded here, not at the top: a server on MongoDB never loads the SQLite adapter.
    const { sql } = await import('@payloadcms/db-sqlite')
    const rows = await db.drizzle.all(
      sql`select ${table.slotStart} as "slotStart", ${table.status} as "status", ${table.confirmBy} as "confirmBy"
          from ${table}
          where ${table.office} = ${officeId}
            and ${table.status} in ('pending_confirmation', 'confirmed')
            and ${table.slotStart} >= ${since}`,
    )
    return rows as HolderRow[]
  }
  const { docs } = await payload.db.find<HolderRow>({
    collection: 'bookings',
    where: {
      office: { equals: officeId },
      status: { in: [...SEAT_HOLDING_STATUSES] },
      slotStart: { greater_than_equal: since },
    },
    pagination: false,
    limit: 0,
    select: { slotStart: true, status: true, confirmBy: true },
  })
  return docs
}

async function loadOccupancy(payload: Payload, officeId: number | string): Promise<Occupancy> {
  const since = new Date(tokyoDay(tokyoDateOf(new Date())).startMs).toISOString()
  const occupancy: Occupancy = new Map()
  for (const row of await readHolderRows(payload, officeId, since)) {
    const slotMs = new Date(row.slotStart).getTime()
    let slot = occupancy.get(slotMs)
    if (!slot) occupancy.set(slotMs, (slot = { confirmed: 0, holdsUntilMs: [] }))
    if (row.status === 'pending_confirmation' && row.confirmBy) {
      slot.holdsUntilMs.push(new Date(row.confirmBy).getTime())
    } else {
      slot.confirmed++
    }
  }
  return occupancy
}

/** Seats held per slot (keyed by slotKey) between two instants; lapsed holds do not count. */
export async function seatsTakenBySlot(
  payload: Payload,
  officeId: number | string,
  fromMs: number,
  toMs: number,
  now: Date,
): Promise<Map<string, number>> {
  const occupancy = await cache.get(String(officeId), () => loadOccupancy(payload, officeId))
  const nowMs = now.getTime()
  const taken = new Map<string, number>()
  for (const [slotMs, slot] of occupancy) {
    if (slotMs < fromMs || slotMs >= toMs) continue
    let count = slot.confirmed
    for (const until of slot.holdsUntilMs) if (until > nowMs) count++
    if (count > 0) taken.set(slotKey(slotMs), count)
  }
  return taken
}

export function forgetOccupancy(officeId: number | string): void {
  cache.forget(String(officeId))
}
