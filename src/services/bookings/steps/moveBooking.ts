import type { PayloadRequest } from 'payload'

import { confirmDeadline } from '../../../rules/booking/confirmDeadline'
import { MINUTE_MS } from '../../../lib/tokyoTime'
import type { BookingPolicy, Tool } from '../../../rules/booking/types'
import type { BookingData } from '../bookingData'
import { claimSeat } from '../seats'
import type { BookingChangeFacts } from './changeInput'

/**
 * A move that passed its rules (checkChangeRules), written into `next`: a seat claimed at the new
 * slot, its times, the tokens' expiry and, while unconfirmed, a new confirmation deadline.
 */
export async function applyMove(
  original: BookingData,
  req: PayloadRequest,
  change: BookingChangeFacts & { officeId: number | string; policy: BookingPolicy },
  tool: Tool | undefined,
  next: Record<string, unknown>,
): Promise<void> {
  const { officeId, policy, slotStart, from, now } = change
  next.seatLock = await claimSeat({
    payload: req.payload,
    officeId,
    slotStart,
    capacity: policy.capacityPerSlot,
    now,
    excludeBookingId: original.id,
  })
  next.tool = tool ?? null
  next.slotStart = slotStart.toISOString()
  next.slotEnd = new Date(slotStart.getTime() + policy.sessionMinutes * MINUTE_MS).toISOString()
  next.tokensExpireAt = slotStart.toISOString()
  if (from === 'pending_confirmation' && original.createdAt) {
    next.confirmBy = confirmDeadline(new Date(original.createdAt), policy, slotStart).toISOString()
  }
}
