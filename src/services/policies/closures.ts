/**
 * Office closures: the bookings on a day being closed, the decision they need
 * (rules/booking/checkClosureBookings.ts), and adding or removing a closure from the admin's
 * calendar with that decision carried out. The policy hook asks for the decision on every path
 * that adds a closure; the calendar's endpoint (endpoints/policies/closureEndpoints.ts) gives it.
 */
import { APIError, type PayloadRequest } from 'payload'

import { closureCancelledMail } from '../../mail/bookingMails'
import type { Booking, ReservationPolicy } from '../../payload-types'
import {
  checkClosureBookings,
  type ClosureBookingsDecision,
} from '../../rules/booking/checkClosureBookings'
import { addDays, tokyoDay } from '../../lib/tokyoTime'
import { mailApplicant, mailBooking, officeOf } from '../bookings/bookingMailing'
import { withBookingContext } from '../bookings/context'
import { idOf } from '../../lib/ids'

/** Bookings that still hold a seat; the others need no decision. */
const ACTIVE_STATUSES: Booking['status'][] = ['pending_confirmation', 'confirmed']

/** The context key through which the calendar's endpoint passes the decision to the hook. */
const DECISION_KEY = 'closureBookings'

export function closureError(
  code: string,
  message: string,
  status: number,
  extra: Record<string, unknown> = {},
): APIError {
  return new APIError(message, status, { code, ...extra }, true)
}

async function activeBookingsOn(
  req: PayloadRequest,
  officeId: number | string,
  date: string,
): Promise<Booking[]> {
  const { docs } = await req.payload.find({
    collection: 'bookings',
    where: {
      and: [
        { office: { equals: officeId } },
        { status: { in: ACTIVE_STATUSES } },
        { slotStart: { greater_than_equal: new Date(tokyoDay(date).startMs).toISOString() } },
        { slotStart: { less_than: new Date(tokyoDay(addDays(date, 1)).startMs).toISOString() } },
      ],
    },
    sort: 'slotStart',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs
}

/** The decision the calendar's endpoint passed along with its update, if any. */
export function closureDecisionOf(req: PayloadRequest): ClosureBookingsDecision | undefined {
  const value = (req.context as Record<string, unknown> | undefined)?.[DECISION_KEY]
  return value === 'cancel' || value === 'keep' ? value : undefined
}

/**
 * The active bookings on the days being closed; 409 closure_has_bookings when some day has
 * bookings and the office has not said what becomes of them.
 */
export async function bookingsOnClosingDays(
  req: PayloadRequest,
  officeId: number | string,
  dates: readonly string[],
  decision: ClosureBookingsDecision | undefined,
): Promise<Booking[]> {
  const bookingsByDate: Record<string, number> = {}
  const bookings: Booking[] = []
  for (const date of dates) {
    const onDay = await activeBookingsOn(req, officeId, date)
    bookingsByDate[date] = onDay.length
    bookings.push(...onDay)
  }
  const found = checkClosureBookings({ bookingsByDate, decision })
  if (found) {
    throw closureError(found.code, found.message, 409, {
      bookings: found.bookings,
      dates: found.dates,
    })
  }
  return bookings
}

export interface ClosureAdded {
  date: string
  bookings: number
  cancelled: number
  mailed: number
  kept: number
}

/**
 * Adds a closure on `date` to the policy (as the user, with their access), after the office has
 * decided about the day's bookings; `cancel` cancels each with a mail to its applicant.
 */
export async function addClosure(
  req: PayloadRequest,
  policy: ReservationPolicy,
  input: { date: string; reason?: string; bookings?: ClosureBookingsDecision },
): Promise<ClosureAdded> {
  const officeId = idOf(policy.office)!
  const bookings = await bookingsOnClosingDays(req, officeId, [input.date], input.bookings)

  const closures = policy.closures ?? []
  if (!closures.some((closure) => closure.date === input.date)) {
    try {
      await req.payload.update({
        collection: 'reservation-policies',
        id: policy.id,
        data: {
          closures: [...closures, { date: input.date, reason: input.reason || null }].sort((a, b) =>
            a.date.localeCompare(b.date),
          ),
        },
        overrideAccess: false,
        user: req.user,
        req,
        context: { [DECISION_KEY]: input.bookings },
      })
    } finally {
      // The Local API merges context into the shared req; the decision is for this update only.
      delete (req.context as Record<string, unknown>)[DECISION_KEY]
    }
  }

  let cancelled = 0
  let mailed = 0
  if (input.bookings === 'cancel') {
    const office = await officeOf(req.payload, bookings[0] ?? ({ office: officeId } as Booking))
    const reason = input.reason ? `休業日: ${input.reason}` : '休業日'
    for (const booking of bookings) {
      // The office cancels, not the applicant: the system path, not bound by the applicant's
      // cancellation methods, with the closure as the reason in the status history.
      const updated = await req.payload
        .update({
          collection: 'bookings',
          id: booking.id,
          data: { status: 'cancelled' },
          overrideAccess: true,
          context: withBookingContext({ via: 'system', reason }, { actor: actorOf(req) }),
        })
        .catch(() => null)
      if (!updated || updated.status !== 'cancelled') continue
      cancelled++
      const sent = await mailApplicant(req.payload, req.payload.logger, updated, () =>
        closureCancelledMail(office, mailBooking(updated), input.reason ?? null),
      )
      if (sent) mailed++
    }
  }
  return {
    date: input.date,
    bookings: bookings.length,
    cancelled,
    mailed,
    kept: bookings.length - cancelled,
  }
}

/** Removes the closure on `date` from the policy (as the user, with their access). */
export async function removeClosure(
  req: PayloadRequest,
  policy: ReservationPolicy,
  date: string,
): Promise<void> {
  const closures = policy.closures ?? []
  if (!closures.some((closure) => closure.date === date)) return
  await req.payload.update({
    collection: 'reservation-policies',
    id: policy.id,
    data: { closures: closures.filter((closure) => closure.date !== date) },
    overrideAccess: false,
    user: req.user,
    req,
  })
}

function actorOf(req: PayloadRequest): string {
  return req.user ? `${req.user.collection}:${req.user.id}` : 'system'
}
