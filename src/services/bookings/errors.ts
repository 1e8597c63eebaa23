import { APIError, ValidationError } from 'payload'

import { ruleMessages } from '../../rules/booking/messages'
import type { RuleViolation } from '../../rules/booking/types'

/**
 * A rule violation as Payload reports it: REST clients find the code in `errors[0].data.code`,
 * and every violation (for forms that show all field errors at once) in `data.violations`.
 * slot_full is a conflict with other bookings (409); everything else is the request's fault (422).
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
    const status = first.code === 'slot_full' ? 409 : 422
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
 * unique seatLock index, which Payload reports as a 400 ValidationError on that field (SQLite
 * names the column, seat_lock; MongoDB the field). Some MongoDB-protocol servers (FerretDB) do not
 * say which index refused, and Payload then reports an empty path: of the bookings' unique fields
 * only seatLock can clash in practice (a reference has about 50 random bits), so that counts too.
 * Validation of submitted fields always names its field.
 */
export function isSeatLockConflict(error: unknown): boolean {
  if (!(error instanceof ValidationError)) return false
  const data = error.data as { collection?: unknown; errors?: { path?: unknown }[] } | undefined
  if (data?.collection !== undefined && data.collection !== 'bookings') return false
  return (data?.errors ?? []).some(
    (entry) =>
      entry.path === 'seatLock' ||
      entry.path === 'seat_lock' ||
      entry.path === '' ||
      entry.path === null ||
      entry.path === undefined,
  )
}
