import { DateTime, FixedOffsetZone } from 'luxon'
import type { Weekday } from './types'

/**
 * Every wall-clock value in a reservation policy is Asia/Tokyo time.
 * Calendar days are resolved with luxon; instants inside a day are then
 * plain epoch-millisecond arithmetic from that day's start. That is exact because Asia/Tokyo
 * has kept UTC+9 without daylight saving since 1951, so no day is longer or shorter than 24 h,
 * and it keeps slot listing free of per-slot date objects.
 */
/**
 * The zone luxon computes in: UTC+9 as a fixed offset, which gives the same instants as the IANA
 * zone for every date since 1951 without an Intl lookup per conversion (that lookup was a tenth
 * of the CPU time of a booking).
 */
export const TOKYO_ZONE = FixedOffsetZone.instance(9 * 60)

export const MINUTE_MS = 60_000

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/

export interface TokyoDay {
  /** YYYY-MM-DD */
  date: string
  /** The instant 00:00 of this day in Asia/Tokyo, epoch ms. */
  startMs: number
  weekday: Weekday
  /** The zone offset on this day as written in ISO 8601, e.g. "+09:00". */
  offset: string
}

export function isIsoDate(text: unknown): text is string {
  return typeof text === 'string' && ISO_DATE.test(text) && DateTime.fromISO(text).isValid
}

/** The Asia/Tokyo calendar day named by a YYYY-MM-DD date. Throws RangeError on a malformed date. */
export function tokyoDay(isoDate: string): TokyoDay {
  const start = ISO_DATE.test(isoDate) ? DateTime.fromISO(isoDate, { zone: TOKYO_ZONE }) : null
  if (!start?.isValid) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`)
  return {
    date: isoDate,
    startMs: start.toMillis(),
    weekday: start.weekday as Weekday,
    offset: formatOffset(start.offset),
  }
}

/** The Asia/Tokyo calendar date (YYYY-MM-DD) of an instant. */
export function tokyoDateOf(instant: Date | number): string {
  return DateTime.fromMillis(toMillis(instant), { zone: TOKYO_ZONE }).toISODate()!
}

export interface TokyoWallClock {
  date: string
  weekday: Weekday
  /** Minutes since 00:00 Asia/Tokyo; fractional when the instant is not on a whole minute. */
  minuteOfDay: number
}

export function tokyoWallClock(instant: Date | number): TokyoWallClock {
  const ms = toMillis(instant)
  const local = DateTime.fromMillis(ms, { zone: TOKYO_ZONE })
  return {
    date: local.toISODate()!,
    weekday: local.weekday as Weekday,
    minuteOfDay: (ms - local.startOf('day').toMillis()) / MINUTE_MS,
  }
}

/** Calendar arithmetic on a YYYY-MM-DD date; independent of any time zone. */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10)
}

/** "HH:mm" → minutes since midnight, or null. "24:00" is not accepted: windows end the same day. */
export function parseHhmm(text: unknown): number | null {
  if (typeof text !== 'string') return null
  const match = HH_MM.exec(text)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

/** An instant within a Tokyo day, as "2026-12-01T10:00:00+09:00". */
export function formatTokyoInstant(day: TokyoDay, minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60)
  const minutes = minuteOfDay % 60
  return `${day.date}T${pad2(hours)}:${pad2(minutes)}:00${day.offset}`
}

/** Like formatTokyoInstant, for any instant. */
export function formatTokyoIso(instant: Date | number): string {
  return DateTime.fromMillis(toMillis(instant), { zone: TOKYO_ZONE }).toISO({
    suppressMilliseconds: true,
  })!
}

/** Epoch ms of an instant; throws RangeError on an invalid Date rather than computing with NaN. */
function toMillis(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime()
  if (!Number.isFinite(ms)) throw new RangeError('invalid instant')
  return ms
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+'
  const absolute = Math.abs(offsetMinutes)
  return `${sign}${pad2(Math.floor(absolute / 60))}:${pad2(absolute % 60)}`
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}
