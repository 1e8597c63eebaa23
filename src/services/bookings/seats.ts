import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import { checkCapacity } from '../../rules/booking/checkCapacity'
import type { BookingStatus } from '../../rules/booking/types'
import { countedRefusal } from '../metrics/metrics'
import { withBookingContext } from './context'
import { slotFullError } from './errors'
import { updateBookingAsSystem } from './updateBooking'

/** Statuses that hold a seat. A pending hold past its confirmBy no longer counts, see below. */
export const SEAT_HOLDING_STATUSES: readonly BookingStatus[] = ['pending_confirmation', 'confirmed']

export function holdsSeat(status: unknown): boolean {
  return SEAT_HOLDING_STATUSES.includes(status as BookingStatus)
}

/**
 * "office|slot start (UTC ISO)|seat index": the value of the unique seatLock index that makes two
 * bookings of one seat impossible, whatever the timing, without transactions.
 */
function seatLockFor(officeId: number | string, slotStart: Date, seat: number): string {
  return `${officeId}|${slotStart.toISOString()}|${seat}`
}

/** A booking that leaves the seat gets a unique tombstone, which frees the seat's value. */
export function releasedSeatLock(bookingId: number | string | undefined): string {
  return `released|${bookingId ?? 'new'}|${randomBytes(8).toString('hex')}`
}

function seatIndexOf(seatLock: unknown, prefix: string): number | null {
  if (typeof seatLock !== 'string' || !seatLock.startsWith(prefix)) return null
  const seat = Number(seatLock.slice(prefix.length))
  return Number.isInteger(seat) && seat >= 0 ? seat : null
}

interface SlotHolders {
  /** Seat indexes whose seatLock value is in use, including by holds that have lapsed. */
  lockedSeats: Set<number>
  /** Bookings that count against capacity. */
  liveCount: number
  /** Pending holds past confirmBy that the expiry job has not reached yet. */
  lapsedHoldIds: (number | string)[]
}

async function slotHolders(
  payload: Payload,
  officeId: number | string,
  slotStart: Date,
  now: Date,
  excludeBookingId: number | string | undefined,
): Promise<SlotHolders> {
  const { docs } = await payload.find({
    collection: 'bookings',
    where: {
      office: { equals: officeId },
      slotStart: { equals: slotStart.toISOString() },
      status: { in: [...SEAT_HOLDING_STATUSES] },
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { seatLock: true, status: true, confirmBy: true },
  })
  const prefix = seatLockFor(officeId, slotStart, 0).slice(0, -1)
  const holders: SlotHolders = { lockedSeats: new Set(), liveCount: 0, lapsedHoldIds: [] }
  for (const doc of docs) {
    if (excludeBookingId !== undefined && String(doc.id) === String(excludeBookingId)) continue
    const seat = seatIndexOf(doc.seatLock, prefix)
    if (seat !== null) holders.lockedSeats.add(seat)
    const lapsed =
      doc.status === 'pending_confirmation' &&
      doc.confirmBy !== null &&
      doc.confirmBy !== undefined &&
      new Date(doc.confirmBy).getTime() <= now.getTime()
    if (lapsed) holders.lapsedHoldIds.push(doc.id)
    else holders.liveCount++
  }
  return holders
}

/**
 * Expires holds past their deadline now rather than waiting for the job, so a lapsed hold never
 * blocks a new booking. Guarded: a hold confirmed or expired meanwhile is left alone.
 */
export async function expireLapsedHolds(
  payload: Payload,
  ids: readonly (number | string)[],
  now: Date,
): Promise<number> {
  let expired = 0
  for (const id of ids) {
    try {
      await updateBookingAsSystem(
        payload,
        id,
        { status: 'expired' },
        withBookingContext(
          {
            via: 'system',
            now: now.toISOString(),
            expectStatus: 'pending_confirmation',
            reason: '確認期限切れ',
          },
          { auditAction: 'expire' },
        ),
      )
      expired++
    } catch {
      // Confirmed, expired or deleted by someone else in the meantime: nothing to do.
    }
  }
  return expired
}

export interface ClaimSeatInput {
  payload: Payload
  officeId: number | string
  slotStart: Date
  capacity: number
  now: Date
  /** The booking being moved, which must not count against its own new slot. */
  excludeBookingId?: number | string
}

/**
 * The seatLock value for a new holder of the slot: the lowest seat index that is free. When the
 * slot looks full but lapsed holds sit in it, they are expired first and the count is redone.
 * Throws slot_full (409) when no seat is left. The database's unique index remains the arbiter:
 * a concurrent claim of the same seat fails at the write.
 */
export async function claimSeat(input: ClaimSeatInput): Promise<string> {
  const { payload, officeId, slotStart, capacity, now } = input
  for (let pass = 0; pass < 2; pass++) {
    const holders = await slotHolders(payload, officeId, slotStart, now, input.excludeBookingId)
    if (checkCapacity(holders.liveCount, capacity) === null) {
      for (let seat = 0; seat < capacity; seat++) {
        if (!holders.lockedSeats.has(seat)) {
          return seatLockFor(officeId, slotStart, seat)
        }
      }
    }
    if (holders.lapsedHoldIds.length === 0) break
    await expireLapsedHolds(payload, holders.lapsedHoldIds, now)
  }
  // A new booking refused for a full slot counts like every other refused new booking; a moved
  // booking (excludeBookingId) is a change, which the refusal count leaves out.
  throw input.excludeBookingId === undefined ? countedRefusal(slotFullError()) : slotFullError()
}
