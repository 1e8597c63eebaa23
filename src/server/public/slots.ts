import { Router } from 'express'
import { z } from 'zod'

import { addDays, isIsoDate, tokyoDateOf } from '../../lib/tokyoTime'
import { openSlots } from '../../services/bookings/openSlots'
import { PublicError } from '../errors'
import type { PublicRouteDependencies } from './dependencies'
import { parseOrReject, requireOffice } from './bookingRequests'

/** A bound on the work one request can ask for. */
const MAX_SLOT_RANGE_DAYS = 62
const DEFAULT_RANGE_DAYS = 30

export const slotsQuery = z.strictObject({
  from: z.string().refine(isIsoDate).optional(),
  to: z.string().refine(isIsoDate).optional(),
})

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/**
 * GET /offices/{slug}/slots?from=YYYY-MM-DD&to=YYYY-MM-DD → { slots: [{ start, end, remaining }] }
 * in +09:00. Both dates are JST and inclusive, at most 62 days apart; `from` defaults to today and
 * `to` to 30 days after `from`. The slots are those of the self-service channel where the office
 * offers it, otherwise of its channels in general (see openSlots).
 */
export function slotsRoutes({ payload }: PublicRouteDependencies): Router {
  const router = Router()
  router.get('/offices/:slug/slots', async (req, res) => {
    const query = parseOrReject(slotsQuery, req.query)
    const now = new Date()
    const from = query.from ?? tokyoDateOf(now)
    const to = query.to ?? addDays(from, DEFAULT_RANGE_DAYS)
    if (to < from) {
      throw new PublicError(
        422,
        'invalid_field',
        '終了日は開始日以降の日付を指定してください。',
        'to',
      )
    }
    if (daysBetween(from, to) + 1 > MAX_SLOT_RANGE_DAYS) {
      throw new PublicError(
        422,
        'invalid_field',
        `一度に取得できる期間は${MAX_SLOT_RANGE_DAYS}日までです。`,
        'to',
      )
    }
    const office = await requireOffice(payload, req.params.slug)
    const { channel, slots } = await openSlots(payload, office.id, from, to, now)
    res.json({ office: office.slug, from, to, channel, slots })
  })
  return router
}
