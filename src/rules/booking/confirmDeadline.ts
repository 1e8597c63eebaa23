import { leadTimeCutoff } from './checkLeadTime'
import { violation } from './messages'
import { MINUTE_MS } from '../../lib/tokyoTime'
import type { BookingPolicy, RuleViolation } from './types'

/**
 * When an unconfirmed self-service booking expires: createdAt + confirmWindowMinutes, but never
 * later than the lead-time cutoff (the slot's start for `before-start`, 00:00 JST of its day for
 * `previous-day`), because a confirmation after the cutoff would break the lead-time rule.
 * The slot is needed for that cap, hence the third parameter.
 */
export function confirmDeadline(
  createdAt: Date,
  policy: Pick<BookingPolicy, 'confirmWindowMinutes' | 'leadTime'>,
  slotStart: Date,
): Date {
  const windowEnd = createdAt.getTime() + policy.confirmWindowMinutes * MINUTE_MS
  return new Date(Math.min(windowEnd, leadTimeCutoff(policy, slotStart).getTime()))
}

/** lead_time when confirming at or after the deadline; such a booking should become `expired`. */
export function checkConfirmDeadline(
  createdAt: Date,
  policy: Pick<BookingPolicy, 'confirmWindowMinutes' | 'leadTime'>,
  slotStart: Date,
  now: Date,
): RuleViolation | null {
  if (now.getTime() < confirmDeadline(createdAt, policy, slotStart).getTime()) return null
  return violation('lead_time', {
    message: '確認の期限を過ぎたため、このご予約は確定できません。あらためてお申し込みください。',
  })
}
