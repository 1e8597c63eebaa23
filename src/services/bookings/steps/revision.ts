import type { PayloadRequest } from 'payload'

import { violation } from '../../../rules/booking/messages'
import type { BookingData } from '../bookingData'
import { bookingContext } from '../context'
import { InvalidTokenError } from '../errors'
import { claimBookingRevision } from '../revisionClaims'
import { refuseChange } from './refusal'

/**
 * The booking's next revision, claimed: of two writes that read the same revision, one wins and
 * the other is refused (booking_changed, or invalid_token on the link and job paths).
 */
export async function claimNextRevision(
  original: BookingData,
  req: PayloadRequest,
): Promise<number> {
  const context = bookingContext(req.context)
  const revision = typeof original.revision === 'number' ? original.revision : 0
  const claimed = await claimBookingRevision(req.payload, req.context, {
    id: original.id as number,
    reference: String(original.reference ?? original.id),
    revision,
  })
  if (!claimed) {
    // The link or job found the booking as it expected, but another write got there first.
    if (context.expectStatus !== undefined || context.via === 'link') throw new InvalidTokenError()
    refuseChange(violation('booking_changed'))
  }
  return revision + 1
}
