import type { Payload, PayloadRequest } from 'payload'

import { refusalMail, sendBookingMail } from '../../mail/bookingMails'
import { idOf } from '../../lib/ids'
import { officeById } from './officeBySlug'

/**
 * Mails the refusal and its reason to the applicant of the standing's latest no-show booking.
 * False when there is no address to write to; a failed send is logged without the address.
 */
export async function mailRefusal(
  payload: Payload,
  standing: { lastNoShowBooking?: unknown; office?: unknown; reason?: string | null },
  req?: PayloadRequest,
): Promise<boolean> {
  const bookingId = idOf(standing.lastNoShowBooking)
  const officeId = idOf(standing.office)
  if (bookingId === null || officeId === null) return false
  const booking = await payload
    .findByID({ collection: 'bookings', id: bookingId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  const to = booking?.applicant?.email
  if (!booking || !to) return false
  const office = (await officeById(payload, officeId)) ?? { name: 'ハローワーク' }
  try {
    await sendBookingMail(payload, to, refusalMail(office, standing.reason ?? ''))
    return true
  } catch (error) {
    payload.logger.error(
      { reference: booking.reference, mailError: (error as Error)?.name },
      'refusal mail could not be sent',
    )
    return false
  }
}
