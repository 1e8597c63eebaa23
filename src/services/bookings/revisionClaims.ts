import type { Payload, RequestContext } from 'payload'

import { claimOnce, findClaim, releaseClaim } from '../claims/claims'

/**
 * A claimed write lands within milliseconds. A claim this old on a booking still at the revision
 * it names belongs to a write that never landed (its process died, or it failed on a path that
 * gives no claim back, such as a bulk update), and may be taken over.
 */
export const STALE_REVISION_CLAIM_MS = 30_000

const PENDING_CLAIMS = 'kiyakuRevisionClaims'

interface PendingClaim {
  key: string
  claimedAt: string
  bookingId: number | string
  revision: number
}

/**
 * A booking's write from one revision to the next. Keyed by the reference, which is random and
 * never reused (SQLite may hand a deleted booking's id to a new one).
 */
export function revisionKeyOf(reference: string, revision: number): string {
  return `booking|${reference}|${revision}`
}

export interface BookingRevision {
  id: number | string
  reference: string
  revision: number
}

/**
 * Claims the write of a booking from the revision it was read at. Every update of a booking does
 * this, so of two writes that read the same revision (a link used twice at once, a confirmation
 * racing the expiry job, a staff member saving a form read before the confirmation), only the
 * first goes ahead and the other is refused rather than written over it.
 */
export async function claimBookingRevision(
  payload: Payload,
  context: RequestContext,
  booking: BookingRevision,
): Promise<boolean> {
  // The real time, not the rules' (jobs and tests evaluate rules at a given instant): staleness
  // and pruning are about when the claim was written. Outside the request's transaction
  // (MongoDB): a concurrent claim must fail on the unique key at once, not at commit.
  const key = revisionKeyOf(booking.reference, booking.revision)
  const claim = async (): Promise<PendingClaim | null> => {
    const claimedAt = new Date()
    const claimed = await claimOnce(payload, { key, kind: 'booking-revision', now: claimedAt })
    return claimed
      ? {
          key,
          claimedAt: claimedAt.toISOString(),
          bookingId: booking.id,
          revision: booking.revision,
        }
      : null
  }
  let pending = await claim()
  if (!pending) {
    const existing = await findClaim(payload, key)
    const age = existing ? Date.now() - new Date(existing.claimedAt).getTime() : Infinity
    if (age >= STALE_REVISION_CLAIM_MS) {
      if (existing) await releaseClaim(payload, key, existing.claimedAt)
      pending = await claim()
    }
  }
  if (!pending) return false
  const list = (context[PENDING_CLAIMS] as PendingClaim[] | undefined) ?? []
  context[PENDING_CLAIMS] = [...list, pending]
  return true
}

/**
 * After a failed write: gives back the claims it took whose booking is still at the claimed
 * revision, so the booking can change again at once. A claim whose write landed (the failure came
 * after it, in a later hook) is kept: giving it back would let a racer write over that change.
 * Runs from the global error hook (REST, GraphQL) and from the Local API callers that catch.
 */
export async function releaseFailedRevisions(
  payload: Payload,
  context: RequestContext,
): Promise<void> {
  const list = (context?.[PENDING_CLAIMS] as PendingClaim[] | undefined) ?? []
  delete context[PENDING_CLAIMS]
  for (const pending of list) {
    const stored = await payload.db.findOne<{ id: number | string; revision?: number | null }>({
      collection: 'bookings',
      where: { id: { equals: pending.bookingId } },
    })
    if (stored && (stored.revision ?? 0) !== pending.revision) continue
    await releaseClaim(payload, pending.key, pending.claimedAt)
  }
}
