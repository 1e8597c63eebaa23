import { Router } from 'express'
import { z } from 'zod'

import { APPLICANT_FIELDS } from '../../rules/booking/applicantFields'
import type { ApplicantField } from '../../rules/booking/types'
import { createPublicBooking, publicBookingView } from '../../services/bookings/publicBookings'
import { PublicError } from '../errors'
import type { PublicRouteDependencies } from './dependencies'
import { bookingTokenRoutes } from './bookingTokens'
import { mailConfirmationRequest } from '../../services/bookings/bookingMailing'
import { addressKey, RATE_LIMITED_MESSAGE, successfulBookingLimitOf } from './bookingRateLimit'
import { parseOrReject, requireOffice, sendBookingError } from './bookingRequests'
import { policyRoutes } from './policy'
import { isApplicantRefusal, mailRefusedApplicant, refusedBookingView } from './refusedBooking'
import { slotsRoutes } from './slots'

/**
 * A bound on each applicant field well above the rules' own (at least 100 characters, ten times
 * the field's maximum), so that a value merely too long, or with spaces and hyphens typed in, is
 * answered by the booking rules with their precise message, and only a body far out of shape
 * stops here.
 */
const applicantBody = z.strictObject(
  Object.fromEntries(
    APPLICANT_FIELDS.map(({ name, maxLength }) => [
      name,
      z
        .string()
        .max(Math.max(100, maxLength * 10))
        .nullish(),
    ]),
  ) as Record<ApplicantField, z.ZodOptional<z.ZodNullable<z.ZodString>>>,
)

/**
 * The slot's start: ISO 8601 with its offset (text without one would be read in the server's
 * time zone), with or without seconds, parsed here once and handed on as an instant.
 */
const slotStartBody = z
  .union([z.iso.datetime({ offset: true }), z.iso.datetime({ offset: true, precision: -1 })])
  .transform((text) => new Date(text))

export const bookingBody = z.strictObject({
  slotStart: slotStartBody,
  applicant: applicantBody,
  consent: z.strictObject({
    // The edition number as published (第N版), as a number or numeric text.
    termsEdition: z.union([
      z.number().int().positive(),
      z
        .string()
        .regex(/^[1-9]\d{0,8}$/)
        .transform(Number),
    ]),
    agreed: z.boolean(),
  }),
  eligibility: z.record(z.string().max(64), z.boolean()).optional(),
})

/**
 * POST /offices/{slug}/bookings: an applicant's own booking (the self-service channel). 202 with
 * the booking pending confirmation, and a mail with the confirmation link. An applicant the office
 * refused gets the same 202 and a mail saying so instead. Everything about the booking itself, the
 * channel offered included, is decided by the bookings collection's hooks.
 */
function bookingCreateRoutes({ payload, env, logger }: PublicRouteDependencies): Router {
  const router = Router()
  const successfulBookings = successfulBookingLimitOf(payload, env.secret)

  router.post('/offices/:slug/bookings', async (req, res) => {
    const address = addressKey(req.ip)
    const retryAfter = await successfulBookings.retryAfterSeconds(address)
    if (retryAfter > 0) {
      res.set('Retry-After', String(retryAfter))
      throw new PublicError(429, 'rate_limited', RATE_LIMITED_MESSAGE)
    }
    const body = parseOrReject(bookingBody, req.body)
    const office = await requireOffice(payload, req.params.slug)
    let created
    try {
      created = await createPublicBooking(payload, {
        officeId: office.id,
        slotStart: body.slotStart,
        applicant: Object.fromEntries(
          Object.entries(body.applicant).filter(
            ([, value]) => value !== null && value !== undefined,
          ),
        ),
        termsEditionNumber: body.consent.termsEdition,
        agreed: body.consent.agreed,
        eligibility: body.eligibility ?? {},
      })
    } catch (error) {
      if (isApplicantRefusal(error)) {
        // Answered as if accepted, told by mail: see refusedBooking.ts.
        const booking = await refusedBookingView(payload, office.id, body.slotStart)
        await successfulBookings.record(address)
        void mailRefusedApplicant(payload, logger, office, body.applicant.email)
        res.status(202).json({ booking })
        return
      }
      if (sendBookingError(res, error)) return
      throw error
    }
    await successfulBookings.record(address)
    const { booking, confirmToken } = created
    void mailConfirmationRequest(payload, logger, env.publicUrl, office, booking, confirmToken)
    res.status(202).json({ booking: publicBookingView(booking) })
  })
  return router
}

/** Policy, slots, booking creation and the confirm/cancel token pages. */
export function bookingRoutes(deps: PublicRouteDependencies): Router {
  const router = Router()
  router.use(policyRoutes(deps))
  router.use(slotsRoutes(deps))
  router.use(bookingCreateRoutes(deps))
  router.use(bookingTokenRoutes(deps))
  return router
}
