import type { PayloadRequest, RequestContext } from 'payload'

import type { OfficeGovernance } from '../policies/policiesForOffice'

/**
 * What trusted server code tells the booking hooks through the Local API's `context`. REST and the
 * admin cannot set request context, so none of this is reachable from outside.
 */
export interface BookingContext {
  /** The instant the rules are evaluated at (jobs and tests); defaults to the real time. */
  now?: string
  /** How the change reached us: the mailed link, or the system (jobs). */
  via?: 'link' | 'system'
  /** The hash to store as the confirmation token (public booking creation). */
  confirmTokenHash?: string
  /** The hash to store as the cancellation token (on confirmation). */
  cancelTokenHash?: string
  /** The change applies only if the stored booking still has this confirmation token hash. */
  expectConfirmTokenHash?: string
  /** The change applies only if the stored booking still has this cancellation token hash. */
  expectCancelTokenHash?: string
  /** The change applies only if the stored booking is still in this status. */
  expectStatus?: string
  /** Why the status changes, for the status history. */
  reason?: string
  /**
   * Erase the applicant's details and keys (retention job, erasure on request); the booking's
   * office, slot, channel, status and times stay for statistics.
   */
  eraseApplicant?: boolean
  /** The slot as the public route parsed it, so that the hooks do not parse its text again. */
  slotStart?: Date
  /**
   * The office's policies and published editions as the public path looked them up for this
   * request, so that route and hooks decide on the same ones and look them up once.
   */
  governance?: OfficeGovernance & { officeId: number | string }
  /** Whether the applicant ticked the agreement to the terms (public path); false is refused. */
  termsAgreed?: boolean
}

const BOOKING_CONTEXT_KEY = 'kiyakuBooking'

export function bookingContext(context: RequestContext | undefined): BookingContext {
  const value = context?.[BOOKING_CONTEXT_KEY]
  return value && typeof value === 'object' ? (value as BookingContext) : {}
}

export function withBookingContext(
  booking: BookingContext,
  extra: Record<string, unknown> = {},
): RequestContext {
  return { ...extra, [BOOKING_CONTEXT_KEY]: booking }
}

export function nowOf(req: PayloadRequest): Date {
  const given = bookingContext(req.context).now
  const now = given ? new Date(given) : new Date()
  return Number.isNaN(now.getTime()) ? new Date() : now
}

/**
 * Who made the change, for the status history: a user, or what the calling code put in
 * `context.actor` ('applicant' on the public path, 'system' for jobs), which auditChange reads too.
 */
export function actorOf(req: PayloadRequest): string {
  if (req.user) return `${req.user.collection}:${req.user.id}`
  const actor = req.context?.actor
  return typeof actor === 'string' && actor !== '' ? actor : 'system'
}
