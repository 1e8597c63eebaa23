/**
 * The booking site: server-rendered Japanese pages on the same Express server, reading through
 * Payload's Local API and booking through createPublicBooking, the service behind the public
 * JSON API. The site has no rules of its own: whatever the bookings collection's hooks refuse is
 * shown next to its field. It needs no JavaScript and sends none.
 */
import { createRequire } from 'node:module'
import path from 'node:path'

import express, { Router, type Request, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'
import type { Logger } from 'pino'

import type { KiyakuEnv } from '../../config/env'
import { APPLICANT_FIELD_NAMES } from '../../rules/booking/applicantFields'
import { findChannelPolicy } from '../../rules/booking/checkChannelOffered'
import { addDays, isIsoDate, tokyoDateOf } from '../../lib/tokyoTime'
import type { ApplicantField, OpenSlot } from '../../rules/booking/types'
import { parseInstant } from '../../services/bookings/bookingData'
import { BookingRuleError } from '../../services/bookings/errors'
import { openSlots } from '../../services/bookings/openSlots'
import { createPublicBooking, publicBookingView } from '../../services/bookings/publicBookings'
import { policyRecordInForce } from '../../services/policies/policiesForOffice'
import { mailConfirmationRequest } from '../../services/bookings/bookingMailing'
import {
  isApplicantRefusal,
  mailRefusedApplicant,
  refusedBookingView,
} from '../public/refusedBooking'
import {
  addressKey,
  RATE_LIMITED_MESSAGE,
  successfulBookingLimitOf,
} from '../public/bookingRateLimit'
import { FormGuard } from './csrf'
import { docsRouter } from './docs'
import { emptyFormState, formPage, submittedPage, TRAP_FIELD, type FormState } from './formPages'
import { paragraphs, sendSitePage, SITE_ASSETS } from './layout'
import { siteOffice, siteOffices, type SiteOffice } from './officeData'
import { homePage, officePage, officeUrl } from './officePages'
import { weekPage, weekStartOf } from './slotPages'

export interface SiteDependencies {
  payload: Payload
  env: KiyakuEnv
  logger: Logger
}

const require = createRequire(import.meta.url)
const TOKENS_CSS = require.resolve('@digital-go-jp/design-tokens/dist/tokens.css')
const ASSETS_DIR = path.join(import.meta.dirname, 'assets')

/** How many other times a page offers when the chosen one was taken meanwhile. */
const ALTERNATIVES = 8

function notFound(res: Response): void {
  sendSitePage(res, 404, {
    title: 'ページが見つかりません',
    body:
      paragraphs('お探しのページは見つかりませんでした。') +
      '<p><a href="/">事業所一覧へ戻る</a></p>',
  })
}

function problem(res: Response, status: number, title: string, message: string, back: string) {
  sendSitePage(res, status, {
    title,
    body: paragraphs(message) + `<p><a href="${back}">戻る</a></p>`,
  })
}

async function alternativesAround(
  payload: Payload,
  office: SiteOffice,
  date: string,
  now: Date,
): Promise<OpenSlot[]> {
  const from = date < tokyoDateOf(now) ? tokyoDateOf(now) : date
  const { slots } = await openSlots(payload, office.id, from, addDays(from, 13), now)
  return slots.slice(0, ALTERNATIVES)
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 5_000) : ''
}

/** What the applicant sent, as the form shows it again. */
function stateFromBody(body: Record<string, unknown>, eligibilityIds: string[]): FormState {
  const applicant: Partial<Record<ApplicantField, string>> = {}
  for (const field of APPLICANT_FIELD_NAMES) {
    const value = body[`applicant.${field}`]
    if (typeof value === 'string') applicant[field] = text(value)
  }
  return {
    slotStart: typeof body.slotStart === 'string' ? text(body.slotStart) : null,
    slotEnd: null,
    applicant,
    eligibility: Object.fromEntries(
      eligibilityIds.map((id) => [id, body[`eligibility.${id}`] === 'yes']),
    ),
    agreed: body.agreed === 'yes',
    errors: [],
  }
}

export function siteRouter({ payload, env, logger }: SiteDependencies): Router {
  const router = Router()
  const guard = new FormGuard(env.secret, env.publicUrl)
  const successfulBookings = successfulBookingLimitOf(payload, env.secret)
  // The public API's limit, counted for the site's pages on their own.
  const limit = rateLimit({
    windowMs: 60_000,
    limit: env.publicRateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => problem(res, 429, 'しばらくお待ちください', RATE_LIMITED_MESSAGE, '/'),
  })

  router.get(`${SITE_ASSETS}/tokens.css`, (_req, res) => {
    res.set('cache-control', 'public, max-age=3600').sendFile(TOKENS_CSS)
  })
  router.use(SITE_ASSETS, express.static(ASSETS_DIR, { maxAge: '1h', index: false }))
  router.use(docsRouter())

  router.get('/', limit, async (_req, res) => {
    sendSitePage(res, 200, homePage(await siteOffices(payload)))
  })

  const withOffice = async (req: Request, res: Response): Promise<SiteOffice | null> => {
    const slug = req.params.slug
    const office = typeof slug === 'string' ? await siteOffice(payload, slug) : null
    if (!office) notFound(res)
    return office
  }

  router.get('/offices/:slug', limit, async (req, res) => {
    const office = await withOffice(req, res)
    if (office) sendSitePage(res, 200, officePage(office))
  })

  router.get('/offices/:slug/slots', limit, async (req, res) => {
    const office = await withOffice(req, res)
    if (!office) return
    // Without self-service the public slot list is the staff channel's: nothing to book here.
    if (!office.inForce || !findChannelPolicy(office.inForce.policy, 'self-service')) {
      sendSitePage(res, 404, officePage(office))
      return
    }
    const now = new Date()
    const asked = typeof req.query.week === 'string' && isIsoDate(req.query.week)
    // Without a week asked for, the week of the first open time (today may be a Sunday).
    const first = asked ? [] : await alternativesAround(payload, office, tokyoDateOf(now), now)
    const weekStart = weekStartOf(
      asked ? (req.query.week as string) : (first[0]?.start.slice(0, 10) ?? tokyoDateOf(now)),
    )
    const { slots } = await openSlots(payload, office.id, weekStart, addDays(weekStart, 6), now)
    sendSitePage(res, 200, weekPage(office, weekStart, slots, now))
  })

  /** The form for a slot of the self-service channel, or the reason there is none. */
  const sendForm = (
    res: Response,
    req: Request,
    office: SiteOffice,
    state: FormState,
    status: number,
  ): void => {
    const instant = (state.slotStart && parseInstant(state.slotStart)) || new Date()
    const record = policyRecordInForce(office.records, instant) ?? office.inForce
    const channel = record && findChannelPolicy(record.policy, 'self-service')
    if (!record || !channel) {
      sendSitePage(res, 404, officePage(office))
      return
    }
    if (!office.edition) {
      problem(
        res,
        503,
        'ただいま予約できません',
        '利用規約が公開されていないため、予約を受け付けられません。',
        officeUrl(office.slug),
      )
      return
    }
    sendSitePage(
      res,
      status,
      formPage(office, record.policy, channel, office.edition, state, guard.tokenFor(req, res)),
    )
  }

  router.get('/offices/:slug/book', limit, async (req, res) => {
    const office = await withOffice(req, res)
    if (!office) return
    const now = new Date()
    const start = typeof req.query.slot === 'string' ? parseInstant(req.query.slot) : null
    const date = start ? tokyoDateOf(start) : tokyoDateOf(now)
    const { slots } = await openSlots(payload, office.id, date, date, now)
    const slot = start && slots.find((open) => Date.parse(open.start) === start.getTime())
    if (slot) {
      sendForm(res, req, office, emptyFormState(slot), 200)
      return
    }
    // A stale link (the time was taken or has passed): offer others on the same form.
    sendForm(
      res,
      req,
      office,
      {
        ...emptyFormState({ start: '', end: '', remaining: 0 }),
        slotStart: null,
        alternatives: await alternativesAround(payload, office, date, now),
        errors: [{ field: 'slotStart', message: 'この時間は予約できなくなりました。' }],
      },
      409,
    )
  })

  const formBody = express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 100 })

  router.post('/offices/:slug/book', limit, formBody, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const back = officeUrl(typeof req.params.slug === 'string' ? req.params.slug : '')
    if (!guard.accepts(req, body.formToken)) {
      problem(
        res,
        403,
        '送信できませんでした',
        'ページの有効期限が切れたか、別のサイトから送信されました。お手数ですが、もう一度お試しください。',
        back,
      )
      return
    }
    if (text(body[TRAP_FIELD]) !== '') {
      problem(res, 400, '送信できませんでした', '入力内容を確認できませんでした。', back)
      return
    }
    const address = addressKey(req.ip)
    const retryAfter = await successfulBookings.retryAfterSeconds(address)
    if (retryAfter > 0) {
      res.set('Retry-After', String(retryAfter))
      problem(res, 429, 'しばらくお待ちください', RATE_LIMITED_MESSAGE, back)
      return
    }
    const office = await withOffice(req, res)
    if (!office) return
    const now = new Date()
    const slotStart = parseInstant(body.slotStart)
    const governing = policyRecordInForce(office.records, slotStart ?? now) ?? office.inForce
    const state = stateFromBody(body, governing?.policy.eligibility.map((s) => s.id) ?? [])
    if (!slotStart) {
      sendForm(
        res,
        req,
        office,
        {
          ...state,
          slotStart: null,
          alternatives: await alternativesAround(payload, office, tokyoDateOf(now), now),
          errors: [{ field: 'slotStart', message: '相談の日時を選んでください。' }],
        },
        422,
      )
      return
    }
    try {
      const { booking, confirmToken } = await createPublicBooking(payload, {
        officeId: office.id,
        slotStart,
        applicant: state.applicant,
        termsEditionNumber: Number(text(body.termsEdition)) || 0,
        agreed: state.agreed,
        eligibility: state.eligibility,
      })
      await successfulBookings.record(address)
      void mailConfirmationRequest(payload, logger, env.publicUrl, office, booking, confirmToken)
      sendSitePage(
        res,
        200,
        submittedPage(
          office,
          publicBookingView(booking),
          governing?.policy.confirmWindowMinutes ?? 0,
        ),
      )
    } catch (error) {
      if (isApplicantRefusal(error)) {
        // The page an accepted booking gets; the applicant is told by mail (refusedBooking.ts).
        const booking = await refusedBookingView(payload, office.id, slotStart, now)
        await successfulBookings.record(address)
        void mailRefusedApplicant(payload, logger, office, state.applicant.email)
        sendSitePage(
          res,
          200,
          submittedPage(office, booking, governing?.policy.confirmWindowMinutes ?? 0),
        )
        return
      }
      if (!(error instanceof BookingRuleError)) throw error
      const errors = error.violations.map(({ field, message }) => ({ field, message }))
      const taken = error.violations.some((v) => v.code === 'slot_full')
      const termsChanged = error.violations.some(
        (v) => v.code === 'terms_not_current' && v.field === 'consent.termsEdition',
      )
      const date = tokyoDateOf(slotStart)
      const slot = (await openSlots(payload, office.id, date, date, now)).slots.find(
        (open) => Date.parse(open.start) === slotStart.getTime(),
      )
      sendForm(
        res,
        req,
        office,
        {
          ...state,
          slotEnd: slot?.end ?? null,
          // Agreement was to an edition no longer in force: the new one must be read and agreed to.
          agreed: termsChanged ? false : state.agreed,
          alternatives: taken ? await alternativesAround(payload, office, date, now) : undefined,
          slotStart: taken ? null : state.slotStart,
          errors,
        },
        error.status,
      )
    }
  })

  return router
}
