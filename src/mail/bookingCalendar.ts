import { createEvent } from 'ics'

import { tokyoWallClock } from '../lib/tokyoTime'

export interface CalendarBooking {
  reference: string
  slotStart: Date
  slotEnd: Date
  title: string
  description: string
  url?: string
  organizer?: { name: string; email?: string }
}

function tokyoStamp(instant: Date): string {
  const { date, minuteOfDay } = tokyoWallClock(instant)
  const hours = Math.floor(minuteOfDay / 60)
  const minutes = Math.floor(minuteOfDay % 60)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.replaceAll('-', '')}T${pad(hours)}${pad(minutes)}00`
}

// Asia/Tokyo has kept +09:00 without daylight saving since 1951, so one STANDARD rule is exact.
const TOKYO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Tokyo',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

/**
 * An iCalendar event for a confirmed booking, its UID the booking reference so a later update
 * replaces it. The ics package writes UTC; the times are rewritten as Asia/Tokyo wall-clock times
 * with a TZID (computed from the instant, never from the server's zone), so calendars show the
 * office's time however the server is configured.
 */
export function bookingCalendarEvent(booking: CalendarBooking): string {
  const { error, value } = createEvent({
    uid: booking.reference,
    productId: 'kiyaku/booking',
    method: 'PUBLISH',
    start: booking.slotStart.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: booking.slotEnd.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: booking.title,
    description: booking.description,
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    ...(booking.url ? { url: booking.url } : {}),
    ...(booking.organizer ? { organizer: booking.organizer } : {}),
  })
  if (error || !value) throw error ?? new Error('calendar event could not be created')
  return value
    .replace(
      /^DTSTART:\d{8}T\d{6}Z(?=\r?\n)/m,
      `DTSTART;TZID=Asia/Tokyo:${tokyoStamp(booking.slotStart)}`,
    )
    .replace(
      /^DTEND:\d{8}T\d{6}Z(?=\r?\n)/m,
      `DTEND;TZID=Asia/Tokyo:${tokyoStamp(booking.slotEnd)}`,
    )
    .replace(/^BEGIN:VEVENT(?=\r?\n)/m, `${TOKYO_VTIMEZONE}\r\nBEGIN:VEVENT`)
}
