import type { PayloadRequest } from 'payload'

import { claimOnce, findClaim, releaseClaim } from '../claims/claims'

/**
 * A claimed change lands within milliseconds. A claim this old on a booking that is still in the
 * state it names belongs to a change that never landed (its process died, or the write failed
 * on a path that could not give the claim back), and may be taken over.
 */
export const STALE_TRANSITION_CLAIM_MS = 30_000

const PENDING_CLAIM = 'kiyakuTransitionClaim'

/** A booking's change away from its n-th state (n = rows in its status history). */
export function transitionKeyOf(bookingId: number | string, historyLength: number): string {
  return `booking|${bookingId}|${historyLength}`
}

/**
 * Claims the change of a booking away from the state it is in. Of two changes that read the same
 * state at the same time (a link used twice at once, a confirmation racing the expiry job, two
 * staff members), only the first to claim goes ahead; the other is refused, not applied on top.
 */
export async function claimBookingTransition(
  req: PayloadRequest,
  bookingId: number | string,
  historyLength: number,
): Promise<boolean> {
  // The real time, not the rules' (jobs and tests evaluate rules at a given instant): staleness
  // and pruning are about when the claim was written.
  const now = new Date()
  const key = transitionKeyOf(bookingId, historyLength)
  const { payload } = req
  // Outside the request's transaction (MongoDB): a concurrent claim must fail on the unique key at
  // once, not as a write conflict when the transactions commit.
  let claimed = await claimOnce(payload, { key, kind: 'booking-transition', now })
  if (!claimed) {
    const existing = await findClaim(payload, key)
    const age = existing ? now.getTime() - new Date(existing.claimedAt).getTime() : Infinity
    if (age >= STALE_TRANSITION_CLAIM_MS) {
      if (existing) await releaseClaim(payload, key, existing.claimedAt)
      claimed = await claimOnce(payload, { key, kind: 'booking-transition', now })
    }
  }
  if (claimed) req.context[PENDING_CLAIM] = key
  return claimed
}

/**
 * Gives the claim back when the write it was taken for failed, so the booking can change again at
 * once: from the REST error hook, and from the Local API callers that catch the failure.
 */
export async function releaseFailedTransition(
  req: Pick<PayloadRequest, 'payload' | 'context'>,
): Promise<void> {
  const key = req.context?.[PENDING_CLAIM]
  if (typeof key !== 'string') return
  delete req.context[PENDING_CLAIM]
  await releaseClaim(req.payload, key)
}
