import holidayJp from '@holiday-jp/holiday_jp'

import { addDays, tokyoDayStart } from '../../../src/lib/tokyoTime'

/** The next weekday after `from` (Tuesday to Thursday) that is not a national holiday. */
export function nextOrdinaryWorkday(from: string): string {
  let day = addDays(from, 1)
  for (;;) {
    // Noon in Tokyo is the same calendar day in UTC, so getUTCDay() is the Tokyo weekday.
    const noon = new Date(tokyoDayStart(day).getTime() + 12 * 60 * 60 * 1000)
    if (noon.getUTCDay() >= 2 && noon.getUTCDay() <= 4 && !holidayJp.isHoliday(noon)) return day
    day = addDays(day, 1)
  }
}
