import { violation } from './messages'
import { parseHhmm, tokyoWallClock } from '../../lib/tokyoTime'
import type { BookingPolicy, RuleViolation } from './types'

/**
 * outside_hours unless the slot lies wholly inside one of the policy's weekly windows (JST) and
 * starts a whole number of sessions after that window's start.
 */
export function checkSlotInWindow(policy: BookingPolicy, slotStart: Date): RuleViolation | null {
  const { weekday, minuteOfDay } = tokyoWallClock(slotStart)
  const session = policy.sessionMinutes
  const fits = policy.windows.some((window) => {
    if (window.weekday !== weekday) return false
    const start = parseHhmm(window.start)
    const end = parseHhmm(window.end)
    if (start === null || end === null) return false
    return (
      minuteOfDay >= start && minuteOfDay + session <= end && (minuteOfDay - start) % session === 0
    )
  })
  return fits ? null : violation('outside_hours')
}
