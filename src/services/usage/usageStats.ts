import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { addDays, tokyoDateOf, tokyoDay } from '../../lib/tokyoTime'
import {
  mergeUsage,
  offeredPlaces,
  summariseUsage,
  type BookingCountRow,
  type UsageSummary,
} from '../../rules/booking/usage'
import { policiesForOffice } from '../policies/policiesForOffice'
import { refusalCounts } from './refusals'

interface SqliteAccess {
  name?: string
  drizzle?: { all: (query: unknown) => Promise<unknown[]> }
  tables?: Record<string, Record<string, unknown>>
}

interface RawCount {
  day: string
  channel: BookingCountRow['channel']
  status: BookingCountRow['status']
  cancelVia: BookingCountRow['cancelVia']
  count: number | string
}

/**
 * Bookings of one office whose slot starts in the period, counted by Tokyo day, channel, status
 * and cancellation method. On SQLite one GROUP BY over the (office, slotStart) index returns at
 * most a few hundred rows however many bookings there are; other adapters read four columns of
 * each booking in the period (Payload's `find` with `select`) and count here.
 */
async function bookingCounts(
  payload: Payload,
  officeId: number | string,
  from: string,
  to: string,
): Promise<BookingCountRow[]> {
  const since = new Date(tokyoDay(from).startMs).toISOString()
  const until = new Date(tokyoDay(addDays(to, 1)).startMs).toISOString()
  const db = payload.db as unknown as SqliteAccess
  const table = db.tables?.bookings
  if (db.name === 'sqlite' && db.drizzle && table) {
    const rows = (await db.drizzle.all(
      sql`select date(${table.slotStart}, '+9 hours') as "day", ${table.channel} as "channel",
                 ${table.status} as "status", ${table.cancelVia} as "cancelVia", count(*) as "count"
          from ${table}
          where ${table.office} = ${officeId}
            and ${table.slotStart} >= ${since} and ${table.slotStart} < ${until}
          group by 1, 2, 3, 4`,
    )) as RawCount[]
    return rows.map((row) => ({
      ...row,
      cancelVia: row.cancelVia ?? null,
      count: Number(row.count),
    }))
  }
  const { docs } = await payload.db.find<{
    slotStart: string | Date
    channel: BookingCountRow['channel']
    status: BookingCountRow['status']
    cancelVia?: BookingCountRow['cancelVia']
  }>({
    collection: 'bookings',
    where: {
      office: { equals: officeId },
      slotStart: { greater_than_equal: since, less_than: until },
    },
    pagination: false,
    limit: 0,
    select: { slotStart: true, channel: true, status: true, cancelVia: true },
  })
  const counts = new Map<string, BookingCountRow>()
  for (const doc of docs) {
    const day = tokyoDateOf(new Date(doc.slotStart))
    const key = [day, doc.channel, doc.status, doc.cancelVia ?? ''].join('|')
    const row = counts.get(key)
    if (row) row.count++
    else
      counts.set(key, {
        day,
        channel: doc.channel,
        status: doc.status,
        cancelVia: doc.cancelVia ?? null,
        count: 1,
      })
  }
  return [...counts.values()]
}

export interface OfficeUsage {
  officeId: number | string
  summary: UsageSummary
}

/** Each office's figures for the period, and their sum. */
export async function usageForOffices(
  payload: Payload,
  officeIds: readonly (number | string)[],
  from: string,
  to: string,
): Promise<{ offices: OfficeUsage[]; all: UsageSummary }> {
  const offices = await Promise.all(
    officeIds.map(async (officeId) => {
      const [rows, records, refusals] = await Promise.all([
        bookingCounts(payload, officeId, from, to),
        policiesForOffice(payload, officeId),
        refusalCounts(payload, officeId, from, to),
      ])
      const offered = offeredPlaces(
        records.map((record) => record.policy),
        from,
        to,
      )
      return { officeId, summary: summariseUsage(rows, offered, from, to, refusals) }
    }),
  )
  return {
    offices,
    all: mergeUsage(
      offices.map((office) => office.summary),
      from,
      to,
    ),
  }
}
