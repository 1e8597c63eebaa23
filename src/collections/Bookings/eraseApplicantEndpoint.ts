import { addDataAndFileToRequest, APIError, type PayloadHandler } from 'payload'
import { z } from 'zod'

import { officeIdsOf, roleOf } from '../../access/roles'
import { normaliseEmail, normaliseJobSeekerNumber } from '../../rules/booking/normaliseApplicant'
import { eraseApplicantOnRequest } from '../../services/retention/applicantErasure'

const idSchema = z.union([z.number().int().positive(), z.string().min(1).max(64)])

/** The identifier travels in the body, never the URL (URLs reach logs). */
const eraseApplicantBody = z
  .object({
    office: idSchema.optional(),
    email: z.string().max(254).optional(),
    jobSeekerNumber: z.string().max(32).optional(),
  })
  .strict()

function refuse(code: string, message: string, status: number): APIError {
  return new APIError(message, status, { code }, true)
}

/**
 * Wired here rather than in src/services because it checks roles (src/access sits above services).
 * POST /api/bookings/erase-applicant { office, email?, jobSeekerNumber? }: an office admin erases
 * one applicant at their own office; HQ at the named office, or at every office without one.
 */
export const eraseApplicantEndpoint: PayloadHandler = async (req) => {
  const role = roleOf(req.user)
  if (role !== 'hq-admin' && role !== 'office-admin') {
    throw refuse('forbidden', '申込者情報を消去する権限がありません。', 403)
  }
  await addDataAndFileToRequest(req)
  const parsed = eraseApplicantBody.safeParse(req.data ?? {})
  if (!parsed.success) {
    throw refuse('invalid_request', 'リクエストの内容が正しくありません。', 400)
  }
  const body = parsed.data
  const email = body.email === undefined ? null : normaliseEmail(body.email)
  const jobSeekerNumber =
    body.jobSeekerNumber === undefined ? null : normaliseJobSeekerNumber(body.jobSeekerNumber)
  if (
    (body.email !== undefined && email === null) ||
    (body.jobSeekerNumber !== undefined && jobSeekerNumber === null) ||
    (email === null && jobSeekerNumber === null)
  ) {
    throw refuse(
      'invalid_request',
      '消去する申込者のメールアドレスまたは求職番号を正しく入力してください。',
      400,
    )
  }
  let officeIds: (number | string)[]
  if (body.office === undefined) {
    if (role !== 'hq-admin') throw refuse('invalid_request', '事業所を指定してください。', 400)
    const { docs } = await req.payload.find({
      collection: 'offices',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { slug: true },
    })
    officeIds = docs.map((doc) => doc.id)
  } else {
    const office = String(body.office)
    if (role === 'office-admin' && !officeIdsOf(req.user).some((id) => String(id) === office)) {
      throw refuse('forbidden', 'この事業所の申込者情報を消去する権限がありません。', 403)
    }
    const { docs } = await req.payload.find({
      collection: 'offices',
      where: { id: { equals: body.office } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { slug: true },
    })
    if (!docs[0]) throw refuse('office_not_found', '指定された事業所が見つかりません。', 404)
    officeIds = [docs[0].id]
  }
  const offices = await eraseApplicantOnRequest(req.payload, {
    officeIds,
    email,
    jobSeekerNumber,
    actor: `${req.user!.collection}:${req.user!.id}`,
  })
  return Response.json({
    erasedBookings: offices.reduce((sum, office) => sum + office.bookings, 0),
    erasedStandings: offices.reduce((sum, office) => sum + office.standings, 0),
    offices,
  })
}
