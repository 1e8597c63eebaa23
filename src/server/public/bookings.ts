import { Router } from 'express'
import { z } from 'zod'

import { parseInstant } from '../../services/bookings/bookingData'
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

// Generous bounds: the booking rules check lengths and formats with precise messages.
const text = (max: number) => z.string().max(max).nullish()

export const bookingBody = z.strictObject({
  slotStart: z.string().max(64),
  applicant: z.strictObject({
    name: text(1_000),
    email: text(1_000),
    phone: text(100),
    jobSeekerNumber: text(100),
    desiredDateTime: text(1_000),
    note: text(5_000),
  }),
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
 * refused gets the same 202 and a mail saying so instead. Everything about the booking itself is
 * decided by the bookings collection's hooks.
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
    const slotStart = parseInstant(body.slotStart)
    if (!slotStart) {
      throw new PublicError(
        422,
        'invalid_field',
        '予約日時はタイムゾーン付きのISO 8601形式（例: 2026-04-01T10:00:00+09:00）で指定してください。',
        'slotStart',
      )
    }
    let created
    try {
      created = await createPublicBooking(payload, {
        officeId: office.id,
        slotStart,
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
        const booking = await refusedBookingView(payload, office.id, slotStart)
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
