import { isoDateJst } from '../../rules/japaneseDate'
import { addDays, isIsoDate } from '../../rules/booking/tokyo'

export { addDays, isIsoDate }

/** Today's calendar date in Japan, whatever the server's TZ. */
export function todayJst(now: Date = new Date()): string {
  return isoDateJst(now)
}
