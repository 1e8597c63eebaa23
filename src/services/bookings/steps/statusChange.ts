import type { PayloadRequest } from 'payload'

import { cancellationMethod } from '../../../rules/booking/cancellationMethod'
import { checkCancellationMethod } from '../../../rules/booking/checkCancellationMethod'
import { findChannelPolicy } from '../../../rules/booking/checkChannelOffered'
import {
  checkNoShowCorrection,
  isNoShowCorrection,
} from '../../../rules/booking/checkNoShowCorrection'
import { checkStatusTransition } from '../../../rules/booking/checkStatusTransition'
import { checkTransitionTiming } from '../../../rules/booking/checkTransitionTiming'
import { staffCancellationOffered } from '../../../rules/booking/staffCancellation'
import { historyRow, type BookingData, type StatusHistoryRow } from '../bookingData'
import { actorOf, bookingContext } from '../context'
import { holdsSeat, releasedSeatLock } from '../seats'
import type { BookingChangeFacts } from './changeInput'
import { refuseChange } from './refusal'

/** A status change that passed its rules, for recordStatusChange. */
export interface AcceptedStatusChange {
  via: StatusHistoryRow['via']
  reason?: string
}

/**
 * The rules of a status change: a legal transition (or no-show correction) at a legal time, and
 * for a cancellation a method the policy allows (staff record any, and whether it was offered).
 * Refuses the first broken one; sets the cancellation fields in `next`.
 */
export function checkStatusChange(
  data: BookingData,
  original: BookingData,
  req: PayloadRequest,
  change: BookingChangeFacts,
  next: Record<string, unknown>,
  reason: string | undefined,
): AcceptedStatusChange {
  const context = bookingContext(req.context)
  const { from, to, channel, slotStart, policy, now } = change
  const illegal =
    from === 'no_show'
      ? checkNoShowCorrection({ to, byStaff: req.user !== null && req.user !== undefined, reason })
      : (checkStatusTransition(from, to) ??
        checkTransitionTiming({
          to,
          slotStart,
          confirmBy: original.confirmBy ? new Date(original.confirmBy) : null,
          policy,
          now,
        }))
  if (illegal) refuseChange(illegal)
  let via: StatusHistoryRow['via'] = req.user ? 'admin' : (context.via ?? 'system')
  if (to === 'cancelled') {
    const method = cancellationMethod({
      byStaff: Boolean(req.user),
      via: context.via,
      requested: data.cancelVia,
    })
    if (method !== null && typeof method === 'object') refuseChange(method)
    if (method !== null && req.user) {
      // Staff record the contact whatever its method; the booking says whether the terms offer it.
      next.cancelMethodOffered = staffCancellationOffered(policy, channel, method, now, slotStart)
      via = method
      next.cancelVia = method
    } else if (method !== null) {
      // A policy that no longer offers the booking's channel cannot say how to cancel it.
      const notAllowed =
        policy && findChannelPolicy(policy, channel)
          ? checkCancellationMethod(policy, channel, method, now, slotStart)
          : null
      if (notAllowed)
        refuseChange({
          ...notAllowed,
          field: notAllowed.field === 'cancelMethod' ? 'cancelVia' : notAllowed.field,
        })
      next.cancelMethodOffered = true
      via = method
      next.cancelVia = method
    }
  }
  return { via, reason }
}

/**
 * The accepted status change written into `next`: its history row, and the tokens and seat it
 * retires. Also names the audit entry (auditChange reads req.context.auditAction).
 */
export function recordStatusChange(
  original: BookingData,
  req: PayloadRequest,
  change: BookingChangeFacts,
  accepted: AcceptedStatusChange,
  next: Record<string, unknown>,
): void {
  const context = bookingContext(req.context)
  const { from, to, now } = change
  if (isNoShowCorrection(from, to)) req.context.auditAction = `no_show_corrected:${to}`
  next.statusHistory = [
    ...((original.statusHistory ?? []) as StatusHistoryRow[]),
    historyRow({
      from,
      to,
      at: now,
      actor: actorOf(req),
      via: accepted.via,
      reason: accepted.reason,
    }),
  ]
  next.status = to
  if (to === 'confirmed') {
    next.confirmTokenHash = null
    next.cancelTokenHash = context.cancelTokenHash ?? original.cancelTokenHash ?? null
  }
  if (!holdsSeat(to)) {
    next.seatLock = releasedSeatLock(original.id)
    next.confirmTokenHash = null
    next.cancelTokenHash = null
  }
  if (typeof req.context.auditAction !== 'string') req.context.auditAction = to
}
