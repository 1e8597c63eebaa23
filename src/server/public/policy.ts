import { Router } from 'express'
import { z } from 'zod'

import { isIsoDate, TOKYO_TIME_ZONE, tokyoDay } from '../../lib/tokyoTime'
import { publishedEditionInForce } from '../../services/bookings/termsInForce'
import {
  policiesForOffice,
  policyRecordInForce,
  type PolicyRecord,
} from '../../services/policies/policiesForOffice'
import { PublicError } from '../errors'
import type { PublicRouteDependencies } from './dependencies'
import { parseOrReject, requireOffice } from './bookingRequests'

export const policyQuery = z.strictObject({
  at: z.string().refine(isIsoDate).optional(),
})

/** What applicants need to know before booking; no internal ids. */
function publicPolicyView(record: PolicyRecord) {
  const { policy } = record
  return {
    effectiveFrom: policy.effectiveFrom,
    timeZone: TOKYO_TIME_ZONE,
    channels: policy.channels.map((channel) => ({
      channel: channel.channel,
      tools: channel.tools,
      requiredFields: channel.requiredFields,
      optionalFields: channel.optionalFields,
      cancelBy: channel.cancelBy,
      sameDayCancelBy: channel.sameDayCancelBy ?? channel.cancelBy,
    })),
    windows: policy.windows.map(({ weekday, start, end }) => ({ weekday, start, end })),
    sessionMinutes: policy.sessionMinutes,
    capacityPerSlot: policy.capacityPerSlot,
    closures: record.closures,
    leadTime: policy.leadTime,
    bookingWindowDays: policy.bookingWindowDays,
    confirmWindowMinutes: policy.confirmWindowMinutes,
    noShowGraceMinutes: policy.noShowGraceMinutes,
    refuseAfterNoShows: policy.refuseAfterNoShows,
    eligibility: policy.eligibility.map(({ id, text }) => ({ id, text })),
    court: policy.court,
    governingLaw: policy.governingLaw,
  }
}

/**
 * GET /offices/{slug}/policy[?at=YYYY-MM-DD]: the policy in force now, or for slots on that date,
 * with the terms edition an applicant must agree to for slots then (its number goes into a booking).
 */
export function policyRoutes({ payload }: PublicRouteDependencies): Router {
  const router = Router()
  router.get('/offices/:slug/policy', async (req, res) => {
    const { at } = parseOrReject(policyQuery, req.query)
    const office = await requireOffice(payload, req.params.slug)
    const now = new Date()
    const instant = at ? new Date(tokyoDay(at).startMs) : now
    const record = policyRecordInForce(await policiesForOffice(payload, office.id), instant)
    if (!record) {
      throw new PublicError(
        404,
        'no_policy_in_force',
        'この日に適用される予約ポリシーはありません。',
      )
    }
    // The edition to agree to for slots on that date: a later one when a change takes effect by then.
    const edition = await publishedEditionInForce(
      payload,
      office.id,
      instant.getTime() > now.getTime() ? instant : now,
    )
    res.json({
      office: { slug: office.slug, name: office.name },
      policy: publicPolicyView(record),
      termsEdition: edition
        ? { number: edition.number, effectiveFrom: edition.effectiveFrom }
        : null,
    })
  })
  return router
}
