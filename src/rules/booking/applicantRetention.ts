import type { BookingStatus } from './types'

/** HQ's retention when it has set none: a year after the session or last change. */
export const DEFAULT_APPLICANT_RETENTION_DAYS = 365
export const MAX_APPLICANT_RETENTION_DAYS = 3650

const DAY_MS = 24 * 60 * 60_000

/** Bookings the office has no further use for; only their applicant details are erased. */
export const FINISHED_STATUSES: readonly BookingStatus[] = [
  'completed',
  'cancelled',
  'expired',
  'no_show',
]

interface RetentionViolation {
  code: 'retention_longer_than_hq'
  field: 'applicantRetentionDays'
  message: string
}

/** An office may shorten HQ's retention, never lengthen it. */
export function checkOfficeRetention(
  officeDays: number | null | undefined,
  hqDays: number,
): RetentionViolation | null {
  if (officeDays === null || officeDays === undefined || officeDays <= hqDays) return null
  return {
    code: 'retention_longer_than_hq',
    field: 'applicantRetentionDays',
    message: `申込者情報の保存期間は、本部が定める ${hqDays} 日以内で設定してください。`,
  }
}

/** The days an office keeps applicant details: its own shorter setting, else HQ's. */
export function retentionDaysFor(officeDays: number | null | undefined, hqDays: number): number {
  return officeDays === null || officeDays === undefined ? hqDays : Math.min(officeDays, hqDays)
}

/** Bookings that finished before this instant are past their retention. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS)
}

interface RetainedBooking {
  status: string
  slotEnd?: string | Date | null
  slotStart?: string | Date | null
  /** The last status change (a cancellation may come after the slot's end). */
  lastChangeAt?: string | Date | null
  applicantErasedAt?: string | Date | null
}

function time(value: string | Date | null | undefined): number | null {
  if (value === null || value === undefined) return null
  const ms = new Date(value).getTime()
  return Number.isNaN(ms) ? null : ms
}

/**
 * Whether a booking's applicant details are due for erasure: it is finished, not yet erased,
 * and both its slot's end and its last status change lie longer ago than the retention.
 */
export function isDueForErasure(
  booking: RetainedBooking,
  retentionDays: number,
  now: Date,
): boolean {
  if (booking.applicantErasedAt) return false
  if (!FINISHED_STATUSES.includes(booking.status as BookingStatus)) return false
  const ended = time(booking.slotEnd) ?? time(booking.slotStart)
  if (ended === null) return false
  const finishedAt = Math.max(ended, time(booking.lastChangeAt) ?? ended)
  return finishedAt < retentionCutoff(now, retentionDays).getTime()
}
