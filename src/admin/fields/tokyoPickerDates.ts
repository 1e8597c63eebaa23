import { DateTime } from 'luxon'

import { TOKYO_ZONE, tokyoDateOf, tokyoDayStart } from '../../lib/tokyoTime'

/**
 * The date picker (react-datepicker) works in the browser's zone only: it shows a Date's local
 * wall clock and hands back the local wall clock the user picked. These two conversions carry a
 * Tokyo wall clock across that boundary, so the picker shows and stores Tokyo time in any zone.
 *
 * Day-only appearances store the day's 00:00 in Tokyo, the start of the day as Kiyaku counts days.
 */
type PickerAppearance = 'dayAndTime' | 'dayOnly' | 'default' | 'monthOnly' | 'timeOnly'

/** Payload's picker treats these as a date without a time of day. */
export function isDayOnlyAppearance(appearance: PickerAppearance | undefined): boolean {
  return appearance === undefined || ['dayOnly', 'default', 'monthOnly'].includes(appearance)
}

/** A stored instant as the browser-local Date whose wall clock is the instant's Tokyo wall clock. */
export function pickerDateOf(stored: string, appearance: PickerAppearance | undefined): Date {
  const instant = new Date(stored)
  if (!Number.isFinite(instant.getTime())) throw new RangeError(`not an instant: ${stored}`)
  if (isDayOnlyAppearance(appearance)) {
    const [year, month, day] = tokyoDateOf(instant).split('-').map(Number)
    // Local noon: no zone's daylight-saving change moves it to another day.
    return new Date(year!, month! - 1, day!, 12)
  }
  const tokyo = DateTime.fromJSDate(instant, { zone: TOKYO_ZONE })
  return new Date(tokyo.year, tokyo.month - 1, tokyo.day, tokyo.hour, tokyo.minute, tokyo.second)
}

/** The instant (ISO 8601, UTC) the user meant by what they picked or typed, read in Tokyo. */
export function storedValueOf(picked: Date, appearance: PickerAppearance | undefined): string {
  if (isDayOnlyAppearance(appearance)) {
    // Payload's picker moves a picked day to 12:00 UTC of that day before handing it over.
    return tokyoDayStart(picked.toISOString().slice(0, 10)).toISOString()
  }
  return DateTime.fromObject(
    {
      year: picked.getFullYear(),
      month: picked.getMonth() + 1,
      day: picked.getDate(),
      hour: picked.getHours(),
      minute: picked.getMinutes(),
      second: picked.getSeconds(),
    },
    { zone: TOKYO_ZONE },
  )
    .toUTC()
    .toISO()!
}
