import { APIError } from 'payload'

import { ruleMessages } from '../../rules/booking/messages'
import type { RuleViolation } from '../../rules/booking/types'
import { isUniqueConflict } from '../database/uniqueConflict'

/**
 * A rule violation as Payload reports it: REST clients find the code in `errors[0].data.code`,
 * and every violation (for forms that show all field errors at once) in `data.violations`.
 * slot_full and booking_changed are conflicts with other writes (409); everything else is the
 * request's fault (422).
 */
export class BookingRuleError extends APIError<{
  code: string
  field?: string
  violations: RuleViolation[]
}> {
  readonly violations: RuleViolation[]

  constructor(violations: RuleViolation[]) {
    const [first] = violations
    if (!first) throw new Error('BookingRuleError needs a violation')
    const status = first.code === 'slot_full' || first.code === 'booking_changed' ? 409 : 422
    super(first.message, status, { code: first.code, field: first.field, violations }, true)
    this.violations = violations
  }
}

export function slotFullError(): BookingRuleError {
  return new BookingRuleError([{ code: 'slot_full', message: ruleMessages.slot_full }])
}

export const INVALID_TOKEN_MESSAGE =
  'このリンクは無効か、有効期限が切れているか、すでに使用されています。'

/** A link token that does not (or no longer) fits the booking; 400 on every path. */
export class InvalidTokenError extends APIError<{ code: 'invalid_token' }> {
  constructor() {
    super(INVALID_TOKEN_MESSAGE, 400, { code: 'invalid_token' }, true)
  }
}

/**
 * A concurrent booking took the same seat first: the database refused the second write on the
 * unique seatLock index. Of the bookings' unique fields only seatLock can clash in practice (a
 * reference has about 50 random bits), so an unnamed unique conflict counts too.
 */
export function isSeatLockConflict(error: unknown): boolean {
  return isUniqueConflict(error, 'bookings', { name: 'seatLock', column: 'seat_lock' })
}
