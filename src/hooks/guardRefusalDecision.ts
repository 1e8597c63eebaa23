import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'

import { roleOf } from '../access/roles'
import { checkRefusalDecision } from '../rules/booking/checkRefusalDecision'
import { mailRefusal } from '../services/bookings/refusalMail'

/**
 * A refusal is an office admin's decision with a reason (checkRefusalDecision); the hook stamps
 * who decided and when.
 */
export const guardRefusalDecision: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const refusedBefore = operation === 'update' && originalDoc?.refused === true
  const refusedAfter = (data.refused ?? originalDoc?.refused) === true
  const reason = (data.reason ?? originalDoc?.reason) as string | null | undefined
  const found = checkRefusalDecision({
    refusedBefore,
    refusedAfter,
    reason,
    role: req.user ? roleOf(req.user) : null,
  })
  if (found) throw new APIError(found.message, found.status, { code: found.code }, true)
  if (refusedBefore !== refusedAfter) {
    data.refusedAt = refusedAfter ? new Date().toISOString() : null
    data.refusedBy = refusedAfter && req.user ? `${req.user.collection}:${req.user.id}` : null
    data.applicantNotifiedAt = null
  }
  return data
}

/** The applicant is told of a refusal by mail (to the address of their latest no-show booking). */
export const mailRefusalDecision: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.refused !== true || previousDoc?.refused === true) return doc
  const sent = await mailRefusal(req.payload, doc, req)
  if (sent) {
    await req.payload.update({
      collection: 'applicant-standings',
      id: doc.id,
      data: { applicantNotifiedAt: new Date().toISOString() } as Record<string, unknown>,
      overrideAccess: true,
      depth: 0,
      req,
      context: { ...req.context, refusalMailed: true },
    })
  }
  return doc
}
