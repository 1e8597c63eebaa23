import type { Booking } from '../../payload-types'
import type { BookingStatus, Channel, RuleViolation } from '../../rules/booking/types'
import { violation } from '../../rules/booking/messages'

/** A booking as the hooks see it: what Payload passes in `data` or `originalDoc`, loosely typed. */
export type BookingData = Partial<Omit<Booking, 'office' | 'id'>> & {
  id?: number | string
  office?: unknown
  [key: string]: unknown
}

export type StatusHistoryRow = NonNullable<Booking['statusHistory']>[number]

const CHANNELS: readonly Channel[] = ['self-service', 'staff-scheduled']
const STATUSES: readonly BookingStatus[] = [
  'pending_confirmation',
  'confirmed',
  'completed',
  'cancelled',
  'expired',
  'no_show',
]

export function isChannel(value: unknown): value is Channel {
  return CHANNELS.includes(value as Channel)
}

export function isBookingStatus(value: unknown): value is BookingStatus {
  return STATUSES.includes(value as BookingStatus)
}

/**
 * An instant from a Date or from ISO 8601 text that carries its offset. Text without one would be
 * read in the server's time zone, so it is refused rather than guessed.
 */
export function parseInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if (typeof value !== 'string') return null
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i.test(value))
    return null
  const instant = new Date(value)
  return Number.isNaN(instant.getTime()) ? null : instant
}

export const invalidSlotStart = (): RuleViolation =>
  violation('invalid_field', {
    field: 'slotStart',
    message:
      '予約日時はタイムゾーン付きのISO 8601形式（例: 2026-04-01T10:00:00+09:00）で指定してください。',
  })

export function historyRow(row: {
  from: BookingStatus | null
  to: BookingStatus
  at: Date
  actor: string
  via?: StatusHistoryRow['via']
  reason?: string
}): StatusHistoryRow {
  return {
    from: row.from,
    to: row.to,
    at: row.at.toISOString(),
    actor: row.actor,
    via: row.via ?? null,
    reason: row.reason ?? null,
  }
}
