import holidayJp from '@holiday-jp/holiday_jp'
import { violation } from './messages'
import { tokyoDateOf } from '../../lib/tokyoTime'
import type { BookingPolicy, RuleViolation } from './types'

export type ClosedDayReason = 'national-holiday' | 'year-end' | 'office-closure'

// Looked up by key: the library's own isHoliday reads a Date in the process time zone
// and scans every key on each call.
const nationalHolidays: Readonly<Record<string, unknown>> = holidayJp.holidays

/** Why a JST date (YYYY-MM-DD) is closed, or null when the office may be open. */
export function closedDayReason(
  isoDate: string,
  policy: Pick<BookingPolicy, 'closures'>,
): ClosedDayReason | null {
  const monthDay = isoDate.slice(5)
  if (monthDay >= '12-29' || monthDay <= '01-03') return 'year-end'
  if (Object.hasOwn(nationalHolidays, isoDate)) return 'national-holiday'
  if (policy.closures.includes(isoDate)) return 'office-closure'
  return null
}

const closedDayMessages: Record<ClosedDayReason, string> = {
  'national-holiday': '選択された日は祝日のため、予約できません。',
  'year-end': '年末年始（12月29日から1月3日まで）は予約できません。',
  'office-closure': '選択された日は休業日のため、予約できません。',
}

/** closed_day when the slot falls on a national holiday, 12/29–1/3 or an office closure (JST). */
export function checkClosedDay(policy: BookingPolicy, slotStart: Date): RuleViolation | null {
  const reason = closedDayReason(tokyoDateOf(slotStart), policy)
  return reason ? violation('closed_day', { message: closedDayMessages[reason] }) : null
}
