/**
 * Office closures from the admin's calendar, saved at once: adding a closure on a day that has
 * bookings is refused until the admin says what becomes of them (cancel them with a mail to each
 * applicant, or keep them). An endpoint (src/endpoints, as on main): it checks roles, which
 * services may not; the work is services/policies/closures.ts.
 *
 * POST /api/reservation-policies/:id/closures { date, reason?, bookings?: 'cancel' | 'keep' }
 * POST /api/reservation-policies/:id/closures/remove { date }
 */
import { addDataAndFileToRequest, type PayloadHandler, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { officeIdsOf, roleOf } from '../../access/roles'
import type { ReservationPolicy } from '../../payload-types'
import { isIsoDate, tokyoDateOf } from '../../lib/tokyoTime'
import { idOf } from '../../lib/ids'
import { addClosure, closureError, removeClosure } from '../../services/policies/closures'

const addBody = z.object({
  date: z.string().refine(isIsoDate),
  reason: z.string().trim().max(200).optional(),
  bookings: z.enum(['cancel', 'keep']).optional(),
})

const removeBody = z.object({ date: z.string().refine(isIsoDate) })

async function bodyOf<T>(req: PayloadRequest, schema: z.ZodType<T>): Promise<T> {
  await addDataAndFileToRequest(req)
  const parsed = schema.safeParse(req.data ?? {})
  if (!parsed.success)
    throw closureError('invalid_request', '日付を YYYY-MM-DD の形式で指定してください。', 400)
  return parsed.data
}

/** The policy, read with the user's access, when the user is HQ or an admin of its office. */
async function editablePolicy(req: PayloadRequest): Promise<ReservationPolicy> {
  const role = roleOf(req.user)
  if (role !== 'hq-admin' && role !== 'office-admin')
    throw closureError('forbidden', '休業日を設定できるのは本部と事業所の管理者のみです。', 403)
  const rawId = req.routeParams?.id
  const id =
    typeof rawId === 'string' && /^\d+$/.test(rawId) && req.payload.db.defaultIDType === 'number'
      ? Number(rawId)
      : (rawId as string | number | undefined)
  const policy =
    id === undefined
      ? null
      : await req.payload
          .findByID({
            collection: 'reservation-policies',
            id,
            depth: 0,
            overrideAccess: false,
            user: req.user,
            req,
          })
          .catch(() => null)
  if (!policy) throw closureError('not_found', '予約ポリシーが見つかりません。', 404)
  const officeId = idOf(policy.office)
  if (
    role === 'office-admin' &&
    !officeIdsOf(req.user).some((id) => String(id) === String(officeId))
  )
    throw closureError('forbidden', 'この事業所の休業日を設定する権限がありません。', 403)
  return policy
}

export const addClosureEndpoint: PayloadHandler = async (req) => {
  const policy = await editablePolicy(req)
  const body = await bodyOf(req, addBody)
  if (body.date < tokyoDateOf(new Date()))
    throw closureError('invalid_request', '過去の日を休業日にすることはできません。', 400)
  return Response.json(await addClosure(req, policy, body))
}

export const removeClosureEndpoint: PayloadHandler = async (req) => {
  const policy = await editablePolicy(req)
  const body = await bodyOf(req, removeBody)
  await removeClosure(req, policy, body.date)
  return Response.json({ date: body.date, removed: true })
}
