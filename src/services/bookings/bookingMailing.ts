import type { Logger } from 'pino'
import type { Payload } from 'payload'

import type { BookingMail, MailBooking, MailOffice } from '../../mail/bookingMails'
import { confirmationRequestMail, sendBookingMail } from '../../mail/bookingMails'
import type { Booking } from '../../payload-types'
import { officeById } from './officeBySlug'
import { idOf } from '../../lib/ids'

export function mailBooking(booking: Booking): MailBooking {
  const slotStart = new Date(booking.slotStart)
  return {
    reference: booking.reference ?? '',
    slotStart,
    slotEnd: booking.slotEnd ? new Date(booking.slotEnd) : slotStart,
    tool: booking.tool ?? null,
    meetingUrl: booking.meetingUrl ?? null,
    confirmBy: booking.confirmBy ? new Date(booking.confirmBy) : null,
  }
}

export async function officeOf(
  payload: Payload,
  booking: Booking,
): Promise<MailOffice & { id: number | string }> {
  const officeId = idOf(booking.office)
  const office = officeId === null ? null : await officeById(payload, officeId)
  return office ?? { id: officeId ?? '', name: 'ハローワーク' }
}

/**
 * Sends a booking mail to the applicant. Callers do not wait for it: an SMTP round trip takes
 * longer than the booking itself, and the answer does not depend on it. A failure is logged with
 * the booking reference and the error's kind only (SMTP replies can quote the address) and does
 * not undo the booking: the office can still reach the applicant, and an unconfirmed hold simply
 * expires. Never rejects.
 */
export async function mailApplicant(
  payload: Payload,
  logger: Logger,
  booking: Booking,
  compose: () => BookingMail,
): Promise<boolean> {
  const to = booking.applicant?.email
  if (!to) return false
  try {
    await sendBookingMail(payload, to, compose())
    return true
  } catch (error) {
    const code = (error as { code?: unknown; responseCode?: unknown } | null) ?? {}
    logger.error(
      {
        reference: booking.reference,
        mailError: (error as Error)?.name,
        code: code.code,
        responseCode: code.responseCode,
      },
      'booking mail could not be sent',
    )
    return false
  }
}

/**
 * The mail asking the applicant to confirm a new self-service booking, with its link. Shared by
 * the JSON API and the booking site, which book through the same service. Not awaited by callers.
 */
export function mailConfirmationRequest(
  payload: Payload,
  logger: Logger,
  publicUrl: string,
  office: MailOffice,
  booking: Booking,
  confirmToken: string,
): Promise<boolean> {
  const confirmUrl = `${publicUrl}/public/v1/bookings/confirm?token=${confirmToken}`
  return mailApplicant(payload, logger, booking, () =>
    confirmationRequestMail(office, mailBooking(booking), confirmUrl),
  )
}
