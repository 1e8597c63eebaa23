import { findChannelPolicy } from './checkChannelOffered'
import { closedDayReason } from './checkClosedDay'
import {
  addDays,
  formatTokyoInstant,
  MINUTE_MS,
  parseHhmm,
  tokyoDateOf,
  tokyoDay,
} from '../../lib/tokyoTime'
import type { Channel, OpenSlot, BookingPolicy } from './types'

/**
 * The key of a slot in `takenBySlotStart`: its start as epoch milliseconds in decimal,
 * e.g. "1796086800000". Numbers rather than ISO text, so "…T01:00:00.000Z" and
 * "…T10:00:00+09:00" cannot miss each other. Text must carry its offset (or Z): without one,
 * Date would read it in the server's zone.
 */
export function slotKey(slotStart: Date | number | string): string {
  if (typeof slotStart === 'string' && !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(slotStart)) {
    throw new RangeError(`instant without a UTC offset: ${slotStart}`)
  }
  const ms = slotStart instanceof Date ? slotStart.getTime() : new Date(slotStart).getTime()
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(slotStart)}`)
  return String(ms)
}

export interface ListSlotsInput {
  /** Every policy of the office; the one in force is chosen per day. */
  policies: readonly BookingPolicy[]
  /** First JST date, YYYY-MM-DD. */
  from: string
  /** Last JST date, YYYY-MM-DD, inclusive. */
  to: string
  now: Date
  /** Seats already held per slot, keyed by slotKey(start). */
  takenBySlotStart?: ReadonlyMap<string, number>
  /** Only days whose policy offers this channel. */
  channel?: Channel
}

interface CompiledPolicy {
  policy: BookingPolicy
  /** [start, end) minute ranges per ISO weekday (index 1–7). */
  windowsByWeekday: [number, number][][]
  offersChannel: boolean
}

/**
 * The open slots from `from` to `to` (JST dates, inclusive), in start order, for the policy in
 * force on each day, skipping closed days and whatever lead time and the booking window exclude,
 * and leaving out slots with no seat left. Throws RangeError when `from` or `to` is malformed.
 */
export function listSlots(input: ListSlotsInput): OpenSlot[] {
  const { now, takenBySlotStart, channel } = input
  const nowMs = now.getTime()
  const today = tokyoDateOf(now)
  const policies = [...input.policies]
    .sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
    )
    .map((policy) => compile(policy, channel))
  if (policies.length === 0) return []

  // Nothing before today or past the widest booking window can be open, so a hostile range
  // costs no more than a valid one.
  const widestWindow = Math.max(
    0,
    ...policies.filter((c) => c.offersChannel).map(({ policy }) => policy.bookingWindowDays),
  )
  const first = maxDate(tokyoDay(input.from).date, today)
  const last = minDate(tokyoDay(input.to).date, addDays(today, widestWindow))

  const slots: OpenSlot[] = []
  let inForce = -1
  for (let date = first; date <= last; date = addDays(date, 1)) {
    while (inForce + 1 < policies.length && policies[inForce + 1]!.policy.effectiveFrom <= date) {
      inForce++
    }
    const compiled = policies[inForce]
    if (!compiled?.offersChannel) continue
    const { policy } = compiled
    if (date > addDays(today, policy.bookingWindowDays)) continue
    if (closedDayReason(date, policy)) continue
    const day = tokyoDay(date)
    if (policy.leadTime === 'previous-day' && nowMs >= day.startMs) continue

    const session = policy.sessionMinutes
    for (const [windowStart, windowEnd] of compiled.windowsByWeekday[day.weekday]!) {
      for (let minute = windowStart; minute + session <= windowEnd; minute += session) {
        const startMs = day.startMs + minute * MINUTE_MS
        if (startMs <= nowMs) continue
        const remaining = policy.capacityPerSlot - (takenBySlotStart?.get(String(startMs)) ?? 0)
        if (remaining <= 0) continue
        slots.push({
          start: formatTokyoInstant(day, minute),
          end: formatTokyoInstant(day, minute + session),
          remaining,
        })
      }
    }
  }
  return slots
}

function compile(policy: BookingPolicy, channel: Channel | undefined): CompiledPolicy {
  const windowsByWeekday: [number, number][][] = Array.from({ length: 8 }, () => [])
  for (const window of policy.windows) {
    const start = parseHhmm(window.start)
    const end = parseHhmm(window.end)
    if (start === null || end === null || end <= start) continue
    windowsByWeekday[window.weekday]?.push([start, end])
  }
  for (const windows of windowsByWeekday) windows.sort((a, b) => a[0] - b[0])
  // A policy that slipped past validatePolicy must not loop forever or open unbounded ranges.
  const usable =
    Number.isInteger(policy.sessionMinutes) &&
    policy.sessionMinutes > 0 &&
    Number.isInteger(policy.bookingWindowDays) &&
    policy.bookingWindowDays >= 0
  const offersChannel =
    usable && (channel === undefined || findChannelPolicy(policy, channel) !== undefined)
  return { policy, windowsByWeekday, offersChannel }
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b
}

function minDate(a: string, b: string): string {
  return a < b ? a : b
}
