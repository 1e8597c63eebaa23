import express, { Router, type Request, type RequestHandler, type Response } from 'express'

import { bookingCancelledMail, bookingConfirmedMail } from '../../mail/bookingMails'
import type { Booking } from '../../payload-types'
import {
  BookingRuleError,
  INVALID_TOKEN_MESSAGE,
  InvalidTokenError,
} from '../../services/bookings/errors'
import {
  bookingForToken,
  cancelBookingByToken,
  confirmBookingByToken,
  publicBookingView,
  type TokenPurpose,
} from '../../services/bookings/publicBookings'
import type { PublicRouteDependencies } from './dependencies'
import { actionPage, donePage, problemPage, sendPage, type PageBooking } from './bookingPages'
import { mailApplicant, mailBooking, officeOf } from '../../services/bookings/bookingMailing'
import { RATE_LIMITED_MESSAGE, rateLimitedJson, wrongTokenLimit } from './bookingRateLimit'
import { ruleErrorBody } from './bookingRequests'
import { SharedHitCounter } from '../../services/rateLimits/sharedHitCounter'

const PURPOSES: readonly TokenPurpose[] = ['confirm', 'cancel']

/** The page's button posts a form; API clients post JSON. Each gets its own kind of answer. */
function wantsHtml(req: Request): boolean {
  return req.method === 'GET' || Boolean(req.is('application/x-www-form-urlencoded'))
}

function tokenFrom(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined
  const token = (value as { token?: unknown }).token
  return typeof token === 'string' && token.length <= 200 ? token : undefined
}

const tooManyTokens: RequestHandler = (req, res) => {
  if (wantsHtml(req)) {
    sendPage(res, 429, problemPage('しばらくお待ちください', RATE_LIMITED_MESSAGE))
  } else {
    res.status(429).json(rateLimitedJson())
  }
}

async function pageBooking(deps: PublicRouteDependencies, booking: Booking): Promise<PageBooking> {
  const { slotStart, slotEnd, reference } = mailBooking(booking)
  const office = await officeOf(deps.payload, booking)
  return { reference, slotStart, slotEnd, officeName: office.name }
}

function sendTokenProblem(req: Request, res: Response, error: unknown): boolean {
  if (error instanceof InvalidTokenError) {
    if (wantsHtml(req)) sendPage(res, 400, problemPage('リンクが無効です', error.message))
    else res.status(400).json({ errors: [{ code: 'invalid_token', message: error.message }] })
    return true
  }
  if (error instanceof BookingRuleError) {
    if (wantsHtml(req))
      sendPage(res, error.status, problemPage('お手続きできませんでした', error.message))
    else res.status(error.status).json(ruleErrorBody(error))
    return true
  }
  return false
}

/**
 * GET /bookings/{confirm,cancel}?token=… shows a page with one button and changes nothing;
 * POST /bookings/{confirm,cancel} with { token } (JSON or the page's form) acts once.
 * Tokens are single-use and expire (confirmation at confirmBy, cancellation at the slot's start);
 * reused, expired and unknown ones are all 400 invalid_token, and an address presenting more
 * than ten of those a minute gets 429.
 */
export function bookingTokenRoutes(deps: PublicRouteDependencies): Router {
  const { payload, env, logger } = deps
  const router = Router()
  const limitWrongTokens = wrongTokenLimit(
    tooManyTokens,
    new SharedHitCounter(payload, 'wrong-token', env.secret),
  )
  const formBody = express.urlencoded({ extended: false, limit: '4kb' })

  for (const purpose of PURPOSES) {
    router.get(`/bookings/${purpose}`, limitWrongTokens, async (req, res) => {
      const token = tokenFrom(req.query)
      const found = token ? await bookingForToken(payload, purpose, token) : null
      if (!token || !found) {
        sendPage(res, 400, problemPage('リンクが無効です', INVALID_TOKEN_MESSAGE))
        return
      }
      sendPage(res, 200, actionPage(purpose, await pageBooking(deps, found.booking), token))
    })

    router.post(`/bookings/${purpose}`, limitWrongTokens, formBody, async (req, res) => {
      const token = tokenFrom(req.body)
      let booking: Booking
      try {
        if (purpose === 'confirm') {
          const confirmed = await confirmBookingByToken(payload, token)
          booking = confirmed.booking
          const office = await officeOf(payload, booking)
          const cancelUrl = `${env.publicUrl}/public/v1/bookings/cancel?token=${confirmed.cancelToken}`
          void mailApplicant(payload, logger, booking, () =>
            bookingConfirmedMail(office, mailBooking(booking), cancelUrl),
          )
        } else {
          booking = await cancelBookingByToken(payload, token)
          const office = await officeOf(payload, booking)
          void mailApplicant(payload, logger, booking, () =>
            bookingCancelledMail(office, mailBooking(booking)),
          )
        }
      } catch (error) {
        if (sendTokenProblem(req, res, error)) return
        throw error
      }
      if (wantsHtml(req)) sendPage(res, 200, donePage(purpose, await pageBooking(deps, booking)))
      else res.status(200).json({ booking: publicBookingView(booking) })
    })
  }
  return router
}
