import type { Logger } from 'pino'
import type { Payload } from 'payload'

import type { MailOffice } from '../../mail/bookingMails'
import { onlineBookingDeclinedMail, sendBookingMail } from '../../mail/bookingMails'
import type { Booking } from '../../payload-types'
import { initialStatus } from '../../rules/booking/checkStatusTransition'
import { fixedToolFor } from '../../rules/booking/checkTool'
import { confirmDeadline } from '../../rules/booking/confirmDeadline'
import { normaliseEmail } from '../../rules/booking/normaliseApplicant'
import { MINUTE_MS } from '../../lib/tokyoTime'
import { BookingRuleError } from '../../services/bookings/errors'
import { newReference } from '../../services/bookings/ids'
import { publicBookingView, type PublicBookingView } from '../../services/bookings/publicBookings'
import { policiesForOffice, policyRecordInForce } from '../../services/policies/policiesForOffice'

/**
 * True when the bookings hooks refused the applicant because an office admin refused them
 * (not_accepted). The hooks check it last, after every answer an accepted applicant could get.
 */
export function isApplicantRefusal(error: unknown): error is BookingRuleError {
  return (
    error instanceof BookingRuleError && error.violations.some((v) => v.code === 'not_accepted')
  )
}

/**
 * The answer to a refused applicant on the public paths (issue 10, item 12): the view an accepted
 * self-service booking of that slot would get, with a fresh reference that names no booking, so a
 * stranger who types someone's address cannot tell a refusal from an acceptance. Nothing is
 * stored. The applicant learns the truth by mail (mailRefusedApplicant).
 */
export async function refusedBookingView(
  payload: Payload,
  officeId: number | string,
  slotStart: Date,
  now: Date = new Date(),
): Promise<PublicBookingView> {
  const record = policyRecordInForce(await policiesForOffice(payload, officeId), slotStart)
  const status = initialStatus('self-service')
  const sessionMinutes = record?.policy.sessionMinutes ?? 0
  const lookalike: Pick<
    Booking,
    'reference' | 'status' | 'slotStart' | 'slotEnd' | 'tool' | 'confirmBy'
  > = {
    reference: newReference(),
    status,
    slotStart: slotStart.toISOString(),
    slotEnd: new Date(slotStart.getTime() + sessionMinutes * MINUTE_MS).toISOString(),
    tool: record ? fixedToolFor(record.policy, 'self-service') : null,
    confirmBy:
      record && status === 'pending_confirmation'
        ? confirmDeadline(now, record.policy, slotStart).toISOString()
        : null,
  }
  // One definition of the public shape: the same function that shows an accepted booking.
  return publicBookingView(lookalike as Booking)
}

/**
 * Tells a refused applicant, at the address they gave, that the office cannot take the booking
 * online and how to reach it. Not awaited by callers, like the confirmation mail of an accepted
 * booking. A failure is logged with the error's kind only, never the address. Never rejects.
 */
export async function mailRefusedApplicant(
  payload: Payload,
  logger: Logger,
  office: MailOffice,
  email: string | null | undefined,
): Promise<boolean> {
  const to = typeof email === 'string' ? normaliseEmail(email) : null
  if (!to) return false
  try {
    await sendBookingMail(payload, to, onlineBookingDeclinedMail(office))
    return true
  } catch (error) {
    logger.error({ mailError: (error as Error)?.name }, 'refused-applicant mail could not be sent')
    return false
  }
}
