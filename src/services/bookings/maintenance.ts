import type { Payload } from 'payload'

import { shouldMarkNoShow } from '../../rules/booking/checkNoShow'
import { policiesForOffice, policyRecordInForce } from '../policies/policiesForOffice'
import { withBookingContext } from './context'
import { idOf } from '../../lib/ids'
import { expireLapsedHolds } from './seats'
import { updateBookingAsSystem } from './updateBooking'

/** Per run; the task runs every minute, so a backlog clears over a few runs. */
const BATCH = 500

export interface MaintenanceOptions {
  now?: Date
}

/**
 * Self-service bookings not confirmed by their confirmBy become `expired`, freeing the seat.
 * (A new booking of the same slot expires such holds itself, so a late job blocks nobody.)
 */
export async function expireUnconfirmedBookings(
  payload: Payload,
  { now = new Date() }: MaintenanceOptions = {},
): Promise<{ expired: number }> {
  const { docs } = await payload.find({
    collection: 'bookings',
    where: {
      status: { equals: 'pending_confirmation' },
      confirmBy: { less_than_equal: now.toISOString() },
    },
    sort: 'confirmBy',
    limit: BATCH,
    depth: 0,
    overrideAccess: true,
    select: { status: true },
  })
  const expired = await expireLapsedHolds(
    payload,
    docs.map((doc) => doc.id),
    now,
  )
  return { expired }
}

/**
 * Confirmed bookings whose start plus the policy's grace has passed become `no_show`; the
 * bookings' afterChange hook counts it against the applicant's standing.
 */
export async function markNoShows(
  payload: Payload,
  { now = new Date() }: MaintenanceOptions = {},
): Promise<{ markedNoShow: number }> {
  const { docs } = await payload.find({
    collection: 'bookings',
    where: { status: { equals: 'confirmed' }, slotStart: { less_than_equal: now.toISOString() } },
    sort: 'slotStart',
    limit: BATCH,
    depth: 0,
    overrideAccess: true,
    select: { office: true, slotStart: true, status: true },
  })
  let markedNoShow = 0
  for (const booking of docs) {
    const officeId = idOf(booking.office)
    if (officeId === null) continue
    const slotStart = new Date(booking.slotStart)
    const policy = policyRecordInForce(
      await policiesForOffice(payload, officeId),
      slotStart,
    )?.policy
    if (!policy || !shouldMarkNoShow({ status: 'confirmed', slotStart }, policy, now)) continue
    try {
      await updateBookingAsSystem(
        payload,
        booking.id,
        { status: 'no_show' },
        withBookingContext(
          {
            via: 'system',
            now: now.toISOString(),
            expectStatus: 'confirmed',
            reason: '連絡のない欠席',
          },
          { actor: 'system', auditAction: 'no_show' },
        ),
      )
      markedNoShow++
    } catch {
      // Completed or cancelled by staff meanwhile: theirs is the better record.
    }
  }
  return { markedNoShow }
}
