import { listSlots } from './listSlots'
import { addDays, tokyoDay } from '../../lib/tokyoTime'
import type { BookingStatus, Channel, ContactMethod, BookingPolicy } from './types'

/** Bookings counted by Tokyo day, channel, status and cancellation method: no personal data. */
export interface BookingCountRow {
  day: string
  channel: Channel
  status: BookingStatus
  cancelVia: ContactMethod | null
  count: number
}

const USAGE_CHANNELS: readonly Channel[] = ['self-service', 'staff-scheduled']

/** Statuses of bookings that took a place (or still hold one). */
const TOOK_A_PLACE: readonly BookingStatus[] = [
  'pending_confirmation',
  'confirmed',
  'completed',
  'no_show',
]

type CancellationBy = ContactMethod | 'office'

export interface UsageSummary {
  from: string
  to: string
  /** Bookings by the Monday of their week and by channel. */
  weeks: { weekStart: string; byChannel: Record<Channel, number> }[]
  total: number
  /** Places taken ÷ places offered, null when nothing was offered. */
  booked: number
  offered: number
  utilisation: number | null
  /** Self-service bookings that lapsed unconfirmed ÷ all self-service bookings. */
  lapsed: number
  selfService: number
  lapsedShare: number | null
  /** No-shows ÷ (completed + no-shows). */
  noShows: number
  held: number
  noShowRate: number | null
  /** Cancellations by how they came; 'office' for those the office made (closures, system). */
  cancellations: Record<CancellationBy, number>
  /** Refused new bookings by rule code (counted from the audit trail, never from personal data). */
  refusals: Record<string, number>
}

export const MAX_USAGE_DAYS = 366

/** The Monday of the week of a YYYY-MM-DD date. */
export function mondayOf(isoDate: string): string {
  return addDays(isoDate, 1 - tokyoDay(isoDate).weekday)
}

/**
 * Places the office offered from `from` to `to` (Tokyo dates, inclusive): each slot of the policy
 * in force on each open day, times its capacity — the same listSlots the public slot list uses,
 * evaluated as if before the period and before any booking.
 */
export function offeredPlaces(
  policies: readonly BookingPolicy[],
  from: string,
  to: string,
): number {
  const slots = listSlots({
    policies: policies.map((policy) => ({ ...policy, bookingWindowDays: MAX_USAGE_DAYS })),
    from,
    to,
    now: new Date(tokyoDay(from).startMs - 1),
  })
  return slots.reduce((sum, slot) => sum + slot.remaining, 0)
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

/** The dashboard's figures from grouped counts and the places offered. */
export function summariseUsage(
  rows: readonly BookingCountRow[],
  offered: number,
  from: string,
  to: string,
  refusals: Readonly<Record<string, number>> = {},
): UsageSummary {
  const weeks = new Map<string, Record<Channel, number>>()
  for (let week = mondayOf(from); week <= to; week = addDays(week, 7))
    weeks.set(week, { 'self-service': 0, 'staff-scheduled': 0 })
  const cancellations: Record<CancellationBy, number> = { link: 0, phone: 0, email: 0, office: 0 }
  let total = 0
  let booked = 0
  let lapsed = 0
  let selfService = 0
  let noShows = 0
  let completed = 0
  for (const row of rows) {
    total += row.count
    const week = weeks.get(mondayOf(row.day))
    if (week && USAGE_CHANNELS.includes(row.channel)) week[row.channel] += row.count
    if (TOOK_A_PLACE.includes(row.status)) booked += row.count
    if (row.channel === 'self-service') selfService += row.count
    if (row.status === 'expired') lapsed += row.count
    if (row.status === 'no_show') noShows += row.count
    if (row.status === 'completed') completed += row.count
    if (row.status === 'cancelled') cancellations[row.cancelVia ?? 'office'] += row.count
  }
  return {
    from,
    to,
    weeks: [...weeks].map(([weekStart, byChannel]) => ({ weekStart, byChannel })),
    total,
    booked,
    offered,
    utilisation: ratio(booked, offered),
    lapsed,
    selfService,
    lapsedShare: ratio(lapsed, selfService),
    noShows,
    held: completed + noShows,
    noShowRate: ratio(noShows, completed + noShows),
    cancellations,
    refusals: { ...refusals },
  }
}

/** Refusal codes, most frequent first (then by code, so the order is stable). */
export function refusalsByCount(refusals: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(refusals)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
}

/** Adds up several offices' summaries of the same period (HQ's "all offices"). */
export function mergeUsage(
  summaries: readonly UsageSummary[],
  from: string,
  to: string,
): UsageSummary {
  const rows: BookingCountRow[] = []
  const merged = summariseUsage(rows, 0, from, to)
  for (const summary of summaries) {
    summary.weeks.forEach((week, index) => {
      const target = merged.weeks[index]
      if (target)
        for (const channel of USAGE_CHANNELS) target.byChannel[channel] += week.byChannel[channel]
    })
    merged.total += summary.total
    merged.booked += summary.booked
    merged.offered += summary.offered
    merged.lapsed += summary.lapsed
    merged.selfService += summary.selfService
    merged.noShows += summary.noShows
    merged.held += summary.held
    for (const key of Object.keys(merged.cancellations) as CancellationBy[])
      merged.cancellations[key] += summary.cancellations[key]
    for (const [code, count] of Object.entries(summary.refusals))
      merged.refusals[code] = (merged.refusals[code] ?? 0) + count
  }
  merged.utilisation = ratio(merged.booked, merged.offered)
  merged.lapsedShare = ratio(merged.lapsed, merged.selfService)
  merged.noShowRate = ratio(merged.noShows, merged.held)
  return merged
}
