/** Every date in the admin is shown in Japan's time, whatever the browser's or server's zone. */
const TOKYO = 'Asia/Tokyo'

const DAY_MS = 24 * 60 * 60 * 1000
const JST_OFFSET_MS = 9 * 60 * 60 * 1000

/** Today's date in Tokyo as YYYY-MM-DD. */
export function tokyoToday(now: Date = new Date()): string {
  return new Date(now.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10)
}

/** Japan has kept UTC+9 without daylight saving since 1951, so a day is [00:00+09:00, +24 h). */
export function tokyoDayStart(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+09:00`)
}

export function addDays(isoDate: string, days: number): string {
  return new Date(tokyoDayStart(isoDate).getTime() + days * DAY_MS + JST_OFFSET_MS)
    .toISOString()
    .slice(0, 10)
}

export function isIsoDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(tokyoDayStart(value).getTime())
  )
}

function localeTag(language: string): string {
  return language === 'en' ? 'en-GB' : 'ja-JP'
}

/** 2026年4月1日(水) / Wed 1 April 2026 */
export function formatDay(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(localeTag(language), {
    timeZone: TOKYO,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(tokyoDayStart(isoDate))
}

/** 令和8年4月1日, as the terms themselves write dates (English: 1 April 2026). */
export function formatEraDay(isoDate: string, language: string): string {
  if (language === 'en') return formatDay(isoDate, language)
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    timeZone: TOKYO,
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(tokyoDayStart(isoDate))
}

/** 10:30 */
export function formatTime(instant: string | Date): string {
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone: TOKYO,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(instant))
}
