import { violation } from './messages'
import { tokyoDateOf, tokyoDay } from '../../lib/tokyoTime'
import type { BookingPolicy, RuleViolation } from './types'

/**
 * The first instant at which a slot can no longer be booked or confirmed:
 * `before-start` → the slot's start; `previous-day` → 00:00 JST of the slot's day,
 * so 23:59:59.999 the day before is still in time and midnight is not.
 */
export function leadTimeCutoff(policy: Pick<BookingPolicy, 'leadTime'>, slotStart: Date): Date {
  if (policy.leadTime === 'before-start') return slotStart
  return new Date(tokyoDay(tokyoDateOf(slotStart)).startMs)
}

const leadTimeMessages: Record<BookingPolicy['leadTime'], string> = {
  'before-start': '開始時刻を過ぎた時間帯は予約できません。',
  'previous-day': 'ご予約は前日までに確定する必要があります。当日の時間帯は予約できません。',
}

/** lead_time when `now` is at or after the slot's cutoff. */
export function checkLeadTime(
  policy: BookingPolicy,
  slotStart: Date,
  now: Date,
): RuleViolation | null {
  if (now.getTime() < leadTimeCutoff(policy, slotStart).getTime()) return null
  return violation('lead_time', { message: leadTimeMessages[policy.leadTime] })
}
