import { noShowAt } from './checkNoShow'
import { violation } from './messages'
import type { BookingStatus, BookingPolicy, RuleViolation } from './types'

export interface TransitionTiming {
  to: BookingStatus
  slotStart: Date
  /** When an unconfirmed booking lapses; null once confirmed or for staff bookings. */
  confirmBy: Date | null
  /** The policy in force at the slot; without one, no grace before a no-show. */
  policy: Pick<BookingPolicy, 'noShowGraceMinutes'> | null
  now: Date
}

/** Time conditions of the lifecycle that the transition table alone does not express. */
export function checkTransitionTiming({
  to,
  slotStart,
  confirmBy,
  policy,
  now,
}: TransitionTiming): RuleViolation | null {
  const nowMs = now.getTime()
  if (to === 'confirmed' && confirmBy && nowMs >= confirmBy.getTime()) {
    return violation('lead_time', {
      message: '確認の期限を過ぎたため、このご予約は確定できません。あらためてお申し込みください。',
    })
  }
  if (to === 'expired' && (!confirmBy || nowMs < confirmBy.getTime())) {
    return violation('invalid_transition', {
      field: 'status',
      message: '確認の期限前のご予約を期限切れにすることはできません。',
    })
  }
  if (
    to === 'no_show' &&
    nowMs < noShowAt(slotStart, policy ?? { noShowGraceMinutes: 0 }).getTime()
  ) {
    return violation('invalid_transition', {
      field: 'status',
      message: '開始時刻から猶予時間が過ぎるまでは無断欠席にできません。',
    })
  }
  if (to === 'completed' && nowMs < slotStart.getTime()) {
    return violation('invalid_transition', {
      field: 'status',
      message: '開始前のご予約を実施済みにすることはできません。',
    })
  }
  return null
}
