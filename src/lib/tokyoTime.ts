/**
 * Time in Japan: every calendar date and wall-clock value in Kiyaku (policies, terms editions,
 * bookings, the admin) is Asia/Tokyo time, whatever the server's or browser's zone.
 *
 * Asia/Tokyo has kept UTC+9 without daylight saving since 1951, so no day is longer or shorter
 * than 24 h: calendar days are resolved with luxon, instants inside a day are plain
 * epoch-millisecond arithmetic from that day's start, and slot listing stays free of per-slot
 * date objects.
 */
import { DateTime, FixedOffsetZone } from 'luxon'

/**
 * The zone luxon computes in: UTC+9 as a fixed offset, which gives the same instants as the IANA
 * zone for every date since 1951 without an Intl lookup per conversion (that lookup was a tenth
 * of the CPU time of a booking).
 */
export const TOKYO_ZONE = FixedOffsetZone.instance(9 * 60)

export const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
const TOKYO_OFFSET_MS = 9 * 3_600_000
/** The IANA name of Japan's zone, as Intl, Payload and the public API write it. */
export const TOKYO_TIME_ZONE = 'Asia/Tokyo'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/

/** ISO 8601 weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

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

/** The instant 00:00 in Tokyo of a YYYY-MM-DD date. Throws RangeError on a malformed date. */
export function tokyoDayStart(isoDate: string): Date {
  return new Date(tokyoDay(isoDate).startMs)
}

/** The Asia/Tokyo calendar date (YYYY-MM-DD) of an instant. */
export function tokyoDateOf(instant: Date | number): string {
  return dateOfDayNumber(Math.floor((toMillis(instant) + TOKYO_OFFSET_MS) / DAY_MS))
}

/** Today's date in Tokyo (YYYY-MM-DD). */
export function tokyoToday(now: Date | number = Date.now()): string {
  return tokyoDateOf(now)
}

let memoDayNumber = Number.NaN
let memoDate = ''

/**
 * The date of a Tokyo day number (whole days since 1970-01-01 in Tokyo), kept for the last day
 * asked: the public terms routes ask on every request, and this keeps that off the hot path.
 */
function dateOfDayNumber(dayNumber: number): string {
  if (dayNumber !== memoDayNumber) {
    memoDate = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10)
    memoDayNumber = dayNumber
  }
  return memoDate
}

/** Whole seconds until the next 00:00 in Tokyo, at least 1. */
export function secondsUntilTokyoMidnight(nowMs: number = Date.now()): number {
  const elapsed = (nowMs + TOKYO_OFFSET_MS) % DAY_MS
  return Math.max(1, Math.ceil((DAY_MS - elapsed) / 1000))
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

const eraFormatter = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TOKYO_TIME_ZONE,
})

/**
 * 2023-04-01 → 令和5年4月1日, as the terms and statutes write dates; the first year of an era
 * prints as 元年. Formatting goes through Intl's Japanese calendar so new eras come with the
 * runtime's ICU data.
 */
export function formatEraDate(isoDate: string): string {
  const formatted = eraFormatter.format(tokyoDayStart(isoDate))
  // Some ICU versions print 1年 for the first year of an era in long form; statutes write 元年.
  return formatted.replace(/^(\D+)1年/, '$1元年')
}

function localeTag(language: string): string {
  return language === 'en' ? 'en-GB' : 'ja-JP'
}

/** 2026年4月1日(水) / Wed 1 April 2026 */
export function formatDay(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(localeTag(language), {
    timeZone: TOKYO_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(tokyoDayStart(isoDate))
}

/** 令和8年4月1日, as the terms themselves write dates (English: Wed 1 April 2026). */
export function formatEraDay(isoDate: string, language: string): string {
  return language === 'en' ? formatDay(isoDate, language) : formatEraDate(isoDate)
}

/** 10:30, in Tokyo. */
export function formatTime(instant: string | Date): string {
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone: TOKYO_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(instant))
}

/**
 * 2026/03/05 00:30 JST: an instant as the admin shows it (its dateFormat), in Tokyo and saying so,
 * whatever the browser's zone. Throws RangeError on an unparseable instant.
 */
export function formatTokyoDateTime(instant: string | Date | number): string {
  const ms = toMillis(typeof instant === 'string' ? new Date(instant) : instant)
  return `${DateTime.fromMillis(ms, { zone: TOKYO_ZONE }).toFormat('yyyy/MM/dd HH:mm')} JST`
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
