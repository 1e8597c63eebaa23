import type { Payload } from 'payload'

import type { Booking } from '../../payload-types'
import { formatTokyoIso } from '../../lib/tokyoTime'
import type { ApplicantInput } from '../../rules/booking/types'
import { countedRefusal } from '../metrics/metrics'
import { officeGovernance, policyRecordInForce } from '../policies/policiesForOffice'
import { recordRefusal } from '../usage/refusals'
import { withBookingContext } from './context'
import { InvalidTokenError, isSeatLockConflict, slotFullError } from './errors'
import { editionNumbered } from './termsInForce'
import { hashLinkToken, looksLikeLinkToken, newLinkToken } from './tokens'
import { updateBookingAsSystem } from './updateBooking'

/** The public face of a booking: its reference and times, never the applicant. */
export interface PublicBookingView {
  reference: string
  status: Booking['status']
  slotStart: string
  slotEnd: string | null
  tool: string | null
  confirmBy: string | null
}

export function publicBookingView(booking: Booking): PublicBookingView {
  return {
    reference: booking.reference ?? '',
    status: booking.status,
    slotStart: formatTokyoIso(new Date(booking.slotStart)),
    slotEnd: booking.slotEnd ? formatTokyoIso(new Date(booking.slotEnd)) : null,
    tool: booking.tool ?? null,
    confirmBy: booking.confirmBy ? formatTokyoIso(new Date(booking.confirmBy)) : null,
  }
}

export interface PublicBookingRequest {
  officeId: number | string
  slotStart: Date
  applicant: ApplicantInput
  /** The edition number the applicant read and agreed to. */
  termsEditionNumber: number
  agreed: boolean
  eligibility: Record<string, boolean>
}

/**
 * An applicant's own booking. The edition number is turned into the edition's id, and the hooks
 * decide everything else: the channel offered, the agreement, the rules, and an edition that is
 * not the one in force (terms_not_current). The office's policies and editions are looked up once
 * here and handed to the hooks with the parsed slot (BookingContext), so both decide on the same.
 * A write that loses the race for a seat is retried, each time counting the seats again, so it
 * takes the next free seat; after as many attempts as the slot has seats it is slot_full.
 */
export async function createPublicBooking(
  payload: Payload,
  request: PublicBookingRequest,
): Promise<{ booking: Booking; confirmToken: string }> {
  const { officeId, slotStart } = request
  const governance = await officeGovernance(payload, officeId)
  const editionId = editionNumbered(governance.editions, request.termsEditionNumber)?.id ?? null
  const { token, hash } = newLinkToken()
  const capacity = policyRecordInForce(governance.records, slotStart)?.policy.capacityPerSlot
  const attempts = Math.max(1, capacity ?? 1)
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const booking = await payload.create({
        collection: 'bookings',
        data: {
          office: officeId as number,
          slotStart: slotStart.toISOString(),
          channel: 'self-service',
          status: 'pending_confirmation',
          applicant: request.applicant as Booking['applicant'],
          eligibility: request.eligibility,
          // An unknown number still reaches the hook, which answers terms_not_current.
          consent: { termsEdition: (editionId ?? 0) as number },
        },
        overrideAccess: true,
        depth: 0,
        context: withBookingContext(
          {
            confirmTokenHash: hash,
            slotStart,
            governance: { ...governance, officeId },
            termsAgreed: request.agreed,
          },
          { actor: 'applicant', auditAction: 'book' },
        ),
      })
      return { booking, confirmToken: token }
    } catch (error) {
      if (!isSeatLockConflict(error)) throw error
    }
  }
  // Every seat was taken by a concurrent write: decided here, not in the hooks, so recorded here.
  await recordRefusal(payload, {
    officeId,
    code: 'slot_full',
    channel: 'self-service',
    actor: 'applicant',
  })
  throw countedRefusal(slotFullError())
}

export type TokenPurpose = 'confirm' | 'cancel'

/**
 * The booking a link token belongs to, if the token may still be used: a confirmation token until
 * confirmBy while the booking awaits confirmation, a cancellation token until the slot starts
 * while it is confirmed. Reading only: the GET pages call this and change nothing.
 */
export async function bookingForToken(
  payload: Payload,
  purpose: TokenPurpose,
  token: unknown,
  now: Date = new Date(),
): Promise<{ booking: Booking; hash: string } | null> {
  if (!looksLikeLinkToken(token)) return null
  const hash = hashLinkToken(token)
  const field = purpose === 'confirm' ? 'confirmTokenHash' : 'cancelTokenHash'
  const { docs } = await payload.find({
    collection: 'bookings',
    where: { [field]: { equals: hash } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const booking = docs[0]
  if (!booking) return null
  const nowMs = now.getTime()
  const usable =
    purpose === 'confirm'
      ? booking.status === 'pending_confirmation' &&
        !!booking.confirmBy &&
        nowMs < new Date(booking.confirmBy).getTime()
      : booking.status === 'confirmed' && nowMs < new Date(booking.slotStart).getTime()
  return usable ? { booking, hash } : null
}

/** Confirms through the mailed link; returns the booking and the new cancellation token. */
export async function confirmBookingByToken(
  payload: Payload,
  token: unknown,
): Promise<{ booking: Booking; cancelToken: string }> {
  const found = await bookingForToken(payload, 'confirm', token)
  if (!found) throw new InvalidTokenError()
  const cancel = newLinkToken()
  const booking = await updateBookingAsSystem(
    payload,
    found.booking.id,
    { status: 'confirmed' },
    withBookingContext(
      {
        via: 'link',
        expectStatus: 'pending_confirmation',
        expectConfirmTokenHash: found.hash,
        cancelTokenHash: cancel.hash,
      },
      { actor: 'applicant', auditAction: 'confirm' },
    ),
  )
  return { booking, cancelToken: cancel.token }
}

/** Cancels through the mailed link (until the slot starts). */
export async function cancelBookingByToken(payload: Payload, token: unknown): Promise<Booking> {
  const found = await bookingForToken(payload, 'cancel', token)
  if (!found) throw new InvalidTokenError()
  return updateBookingAsSystem(
    payload,
    found.booking.id,
    { status: 'cancelled' },
    withBookingContext(
      { via: 'link', expectStatus: 'confirmed', expectCancelTokenHash: found.hash },
      { actor: 'applicant', auditAction: 'cancel' },
    ),
  )
}
