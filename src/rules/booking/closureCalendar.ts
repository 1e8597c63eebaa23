import holidayJp from '@holiday-jp/holiday_jp'

import { closedDayReason, type ClosedDayReason } from './checkClosedDay'
import { addDays, tokyoDay } from '../../lib/tokyoTime'

export interface OfficeClosure {
  date: string
  reason?: string | null
}

export interface CalendarDay {
  date: string
  /** ISO weekday, 1 = Monday. */
  weekday: number
  closed: ClosedDayReason | null
  holiday: { ja: string; en: string } | null
  /** The office's own reason, for an office closure. */
  closureReason: string | null
}

export interface CalendarMonth {
  /** YYYY-MM */
  month: string
  days: CalendarDay[]
}

const holidays: Readonly<Record<string, { name: string; name_en: string }>> = holidayJp.holidays

/**
 * The months from the one containing `from`, each day with why it is closed: a national holiday
 * (named, from @holiday-jp/holiday_jp), 12/29–1/3, or one of the office's closures — the same
 * closedDayReason the booking rules apply.
 */
export function closureCalendar(
  from: string,
  months: number,
  closures: readonly OfficeClosure[],
): CalendarMonth[] {
  const closureDates = closures.map((closure) => closure.date)
  const result: CalendarMonth[] = []
  let date = `${from.slice(0, 7)}-01`
  for (let index = 0; index < months; index++) {
    const month = date.slice(0, 7)
    const days: CalendarDay[] = []
    while (date.startsWith(month)) {
      const holiday = Object.hasOwn(holidays, date) ? holidays[date]! : null
      const closed = closedDayReason(date, { closures: closureDates })
      days.push({
        date,
        weekday: tokyoDay(date).weekday,
        closed,
        holiday: holiday ? { ja: holiday.name, en: holiday.name_en } : null,
        closureReason:
          closed === 'office-closure'
            ? (closures.find((closure) => closure.date === date)?.reason ?? null)
            : null,
      })
      date = addDays(date, 1)
    }
    result.push({ month, days })
  }
  return result
}
