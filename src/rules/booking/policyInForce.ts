import { tokyoDay } from '../../lib/tokyoTime'
import type { BookingPolicy } from './types'

/**
 * The policy governing a slot: of those whose effectiveFrom (00:00 JST) is at or before the
 * slot's start, the one with the latest effectiveFrom. Null when none has begun yet.
 * Later entries win a tie, so a re-saved policy for the same date replaces the earlier one.
 */
export function policyInForce<P extends Pick<BookingPolicy, 'effectiveFrom'>>(
  policies: readonly P[],
  slotStart: Date,
): P | null {
  const slotMs = slotStart.getTime()
  let best: P | null = null
  for (const policy of policies) {
    if (tokyoDay(policy.effectiveFrom).startMs > slotMs) continue
    if (!best || policy.effectiveFrom >= best.effectiveFrom) best = policy
  }
  return best
}
