import type { PayloadRequest } from 'payload'

import type { BookingData } from './bookingData'
import { bookingContext, nowOf } from './context'
import { checkChangeRules } from './steps/changeRules'
import { readChange } from './steps/changeInput'
import { checkChangeAgainstDatabase } from './steps/databaseRules'
import { erasedApplicant } from './steps/erasure'
import { checkLinkExpectations } from './steps/linkExpectations'
import { applyMove } from './steps/moveBooking'
import { refuseChange } from './steps/refusal'
import { claimNextRevision } from './steps/revision'
import { checkStatusChange, recordStatusChange } from './steps/statusChange'
import { withStoredSystemFields } from './steps/systemFields'

/**
 * An update of an existing booking. Moving it (slotStart) re-runs the new-booking rules for the
 * new slot and claims a seat there; a status change must be a legal transition at a legal time,
 * a cancellation must come by a method the policy allows, and every status change is appended
 * to the history. Leaving an active status frees the seat and retires the link tokens.
 *
 * Where a new rule goes: one that needs no database in src/rules/booking, run from
 * steps/changeRules or steps/statusChange; one that needs the database in steps/databaseRules
 * (checkChangeAgainstDatabase), which runs after those and before any seat or revision is claimed.
 */
export async function prepareBookingChange(
  data: BookingData,
  original: BookingData,
  req: PayloadRequest,
): Promise<BookingData> {
  const context = bookingContext(req.context)
  const now = nowOf(req)
  checkLinkExpectations(original, context)
  if (context.eraseApplicant === true) return erasedApplicant(data, original, req, now)

  const change = await readChange(data, original, req, now)
  const next = withStoredSystemFields(data, original)
  const { violations, tool } = checkChangeRules(data, original, change, next)

  // What staff typed as the reason is history, not a stored field of its own.
  const reason =
    context.reason ??
    (typeof data.statusReason === 'string' && data.statusReason.trim() !== ''
      ? data.statusReason.trim()
      : undefined)
  next.statusReason = null
  const statusChange =
    change.to !== change.from ? checkStatusChange(data, original, req, change, next, reason) : null
  if (violations.length > 0) refuseChange(violations)
  await checkChangeAgainstDatabase(req, change)

  if (change.moved && change.officeId !== null && change.policy) {
    await applyMove(
      original,
      req,
      { ...change, officeId: change.officeId, policy: change.policy },
      tool,
      next,
    )
  }
  if (statusChange) recordStatusChange(original, req, change, statusChange, next)
  next.revision = await claimNextRevision(original, req)
  return next as BookingData
}
