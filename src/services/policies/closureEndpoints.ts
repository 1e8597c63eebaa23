/**
 * Office closures from the admin's calendar, saved at once: adding a closure on a day that has
 * bookings is refused until the admin says what becomes of them (cancel them with a mail to each
 * applicant, or keep them), so that no booking is ever dropped silently.
 *
 * POST /api/reservation-policies/:id/closures { date, reason?, bookings?: 'cancel' | 'keep' }
 * POST /api/reservation-policies/:id/closures/remove { date }
 */
import {
  addDataAndFileToRequest,
  APIError,
  type PayloadHandler,
  type PayloadRequest,
} from 'payload'
import { z } from 'zod'

import { officeIdsOf, roleOf } from '../../access/roles'
import { closureCancelledMail } from '../../mail/bookingMails'
import type { Booking, ReservationPolicy } from '../../payload-types'
import { addDays, isIsoDate, tokyoDateOf, tokyoDay } from '../../lib/tokyoTime'
import { mailApplicant, mailBooking, officeOf } from '../../server/public/bookingMailing'
import { withBookingContext } from '../bookings/context'
import { idOf } from '../../lib/ids'

/** Bookings that still hold a seat; the others need no decision. */
const ACTIVE_STATUSES: Booking['status'][] = ['pending_confirmation', 'confirmed']

function closureError(code: string, message: string, status: number, extra = {}): APIError {
  return new APIError(message, status, { code, ...extra }, true)
}

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

async function activeBookingsOn(
  req: PayloadRequest,
  officeId: number | string,
  date: string,
): Promise<Booking[]> {
  const { docs } = await req.payload.find({
    collection: 'bookings',
    where: {
      and: [
        { office: { equals: officeId } },
        { status: { in: ACTIVE_STATUSES } },
        { slotStart: { greater_than_equal: new Date(tokyoDay(date).startMs).toISOString() } },
        { slotStart: { less_than: new Date(tokyoDay(addDays(date, 1)).startMs).toISOString() } },
      ],
    },
    sort: 'slotStart',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs
}

export const addClosureEndpoint: PayloadHandler = async (req) => {
  const policy = await editablePolicy(req)
  const body = await bodyOf(req, addBody)
  if (body.date < tokyoDateOf(new Date()))
    throw closureError('invalid_request', '過去の日を休業日にすることはできません。', 400)
  const officeId = idOf(policy.office)!
  const bookings = await activeBookingsOn(req, officeId, body.date)
  if (bookings.length > 0 && body.bookings === undefined)
    throw closureError(
      'closure_has_bookings',
      `この日には予約が${bookings.length}件あります。予約をキャンセルして申込者にお知らせするか、予約を残すかを選んでください。`,
      409,
      { bookings: bookings.length },
    )

  const closures = policy.closures ?? []
  if (!closures.some((closure) => closure.date === body.date)) {
    await req.payload.update({
      collection: 'reservation-policies',
      id: policy.id,
      data: {
        closures: [...closures, { date: body.date, reason: body.reason || null }].sort((a, b) =>
          a.date.localeCompare(b.date),
        ),
      },
      overrideAccess: false,
      user: req.user,
      req,
    })
  }

  let cancelled = 0
  let mailed = 0
  if (body.bookings === 'cancel') {
    const office = await officeOf(req.payload, bookings[0] ?? ({ office: officeId } as Booking))
    const reason = body.reason ? `休業日: ${body.reason}` : '休業日'
    for (const booking of bookings) {
      // The office cancels, not the applicant: the system path, not bound by the applicant's
      // cancellation methods, with the closure as the reason in the status history.
      const updated = await req.payload
        .update({
          collection: 'bookings',
          id: booking.id,
          data: { status: 'cancelled' },
          overrideAccess: true,
          context: withBookingContext({ via: 'system', reason }, { actor: actorOf(req) }),
        })
        .catch(() => null)
      if (!updated || updated.status !== 'cancelled') continue
      cancelled++
      const sent = await mailApplicant(req.payload, req.payload.logger, updated, () =>
        closureCancelledMail(office, mailBooking(updated), body.reason ?? null),
      )
      if (sent) mailed++
    }
  }
  return Response.json({
    date: body.date,
    bookings: bookings.length,
    cancelled,
    mailed,
    kept: bookings.length - cancelled,
  })
}

export const removeClosureEndpoint: PayloadHandler = async (req) => {
  const policy = await editablePolicy(req)
  const body = await bodyOf(req, removeBody)
  const closures = policy.closures ?? []
  if (closures.some((closure) => closure.date === body.date)) {
    await req.payload.update({
      collection: 'reservation-policies',
      id: policy.id,
      data: { closures: closures.filter((closure) => closure.date !== body.date) },
      overrideAccess: false,
      user: req.user,
      req,
    })
  }
  return Response.json({ date: body.date, removed: true })
}

function actorOf(req: PayloadRequest): string {
  return req.user ? `${req.user.collection}:${req.user.id}` : 'system'
}
