import { violation } from './messages'
import type { BookingStatus, Channel, RuleViolation } from './types'

export const allowedTransitions: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = {
  pending_confirmation: ['confirmed', 'cancelled', 'expired'],
  confirmed: ['completed', 'cancelled', 'no_show'],
  completed: [],
  cancelled: [],
  expired: [],
  no_show: [],
}

/**
 * Self-service bookings wait for the applicant to confirm through the mailed link; staff book
 * on the applicant's behalf, so theirs are confirmed from the start.
 */
export function initialStatus(channel: Channel): BookingStatus {
  return channel === 'self-service' ? 'pending_confirmation' : 'confirmed'
}

/** invalid_transition unless `to` may follow `from`; keeping the same status is not a transition. */
export function checkStatusTransition(
  from: BookingStatus,
  to: BookingStatus,
): RuleViolation | null {
  if (from === to) return null
  if (allowedTransitions[from]?.includes(to)) return null
  return violation('invalid_transition')
}

/** invalid_transition unless a new booking starts in its channel's initial status. */
export function checkInitialStatus(channel: Channel, status: BookingStatus): RuleViolation | null {
  if (status === initialStatus(channel)) return null
  return violation('invalid_transition', {
    field: 'status',
    message: '新しいご予約をこの状態で登録することはできません。',
  })
}
