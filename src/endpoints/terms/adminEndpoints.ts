/**
 * REST endpoints for the admin: publish one edition with its notice, and HQ's publication of a
 * template to many offices. Mounted on the collections (collection `endpoints`), so they sit under
 * /api with Payload's authentication, and errors come out in Payload's error shape with a code.
 */
import { addDataAndFileToRequest, type PayloadHandler, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { officeIdsOf, roleOf } from '../../access/roles'
import { isIsoDate } from '../../lib/tokyoTime'
import { englishForCode } from '../../rules/messages'
import { termsError } from '../../services/terms/errors'
import {
  publishEditionWithNotice,
  publishTemplateToOffices,
  type OfficePublication,
} from '../../services/terms/publish'
import { findEdition } from '../../services/terms/queries'
import { idOf, type Id } from '../../lib/ids'
import { withdrawAnnouncedChange } from '../../services/terms/withdraw'

const idSchema = z.union([z.number().int().positive(), z.string().min(1).max(64)])
const groundSchema = z.enum(['1', '2'])
const factorSchema = z.string().max(10_000).nullish()
/** Ground 2: the four factors of 民法548条の4第1項第2号 (rules/terms/changeReasons.ts). */
const reasonFactorsSchema = z
  .object({
    necessity: factorSchema,
    appropriateness: factorSchema,
    changeClause: factorSchema,
    disadvantage: factorSchema,
  })
  .strict()
  .nullish()

const publishEditionBody = z.object({
  ground: groundSchema.optional(),
  /** Ground 1: why the change fits the users' general interest. */
  reasons: z.string().max(10_000).nullish(),
  reasonFactors: reasonFactorsSchema,
})

const publishTemplateBody = z.object({
  officeIds: z.array(idSchema).min(1).max(500),
  effectiveFrom: z.string().refine(isIsoDate, 'YYYY-MM-DD の形式で入力してください'),
  ground: groundSchema,
  reasons: z.string().max(10_000).nullish(),
  reasonFactors: reasonFactorsSchema,
})

async function bodyOf<T>(req: PayloadRequest, schema: z.ZodType<T>): Promise<T> {
  await addDataAndFileToRequest(req)
  const parsed = schema.safeParse(req.data ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw termsError(
      'invalid_request',
      `リクエストの内容が正しくありません: ${issue?.path.join('.')} ${issue?.message}`,
      400,
      {
        field: issue?.path.join('.'),
      },
    )
  }
  return parsed.data
}

function routeId(req: PayloadRequest): Id {
  const id = req.routeParams?.id
  if (typeof id !== 'string' && typeof id !== 'number')
    throw termsError('invalid_request', 'IDがありません。', 400)
  return typeof id === 'string' && /^\d+$/.test(id) && req.payload.db.defaultIDType === 'number'
    ? Number(id)
    : id
}

/**
 * The edition named in the route, for HQ or an admin of its office; `action` completes the
 * Japanese refusal (「…権限がありません」). The role is checked before the body is read.
 */
async function editionForAdmin(req: PayloadRequest, action: { any: string; office: string }) {
  const role = roleOf(req.user)
  if (role !== 'hq-admin' && role !== 'office-admin') {
    throw termsError('forbidden', `${action.any}権限がありません。`, 403)
  }
  const editionId = routeId(req)
  const edition = await findEdition(req.payload, editionId, req)
  const officeId = idOf(edition?.office)
  if (!edition || officeId === null)
    throw termsError('edition_not_found', '指定された版が見つかりません。', 404)
  if (
    role === 'office-admin' &&
    !officeIdsOf(req.user).some((id) => String(id) === String(officeId))
  ) {
    throw termsError('forbidden', `${action.office}権限がありません。`, 403)
  }
  return editionId
}

/** POST /api/terms-editions/:id/publish { ground?, reasons?, reasonFactors? } — HQ or an admin of the edition's office. */
export const publishEditionEndpoint: PayloadHandler = async (req) => {
  const role = roleOf(req.user)
  if (role !== 'hq-admin' && role !== 'office-admin') {
    throw termsError('forbidden', '版を公開する権限がありません。', 403)
  }
  const body = await bodyOf(req, publishEditionBody)
  const editionId = await editionForAdmin(req, {
    any: '版を公開する',
    office: 'この事業所の版を公開する',
  })
  const result = await publishEditionWithNotice(req.payload, {
    editionId,
    ground: body.ground,
    reasons: body.reasons,
    reasonFactors: body.reasonFactors,
    req,
  })
  return Response.json({
    edition: {
      id: result.edition.id,
      number: result.edition.number,
      effectiveFrom: result.edition.effectiveFrom,
      contentHash: result.edition.contentHash,
    },
    notice: result.notice
      ? {
          id: result.notice.id,
          ground: result.notice.ground,
          publishedAt: result.notice.publishedAt,
          warnings: (result.notice as { warnings?: unknown }).warnings ?? [],
        }
      : null,
  })
}

const withdrawBody = z.object({ reason: z.string().max(10_000).nullish() })

/** POST /api/terms-editions/:id/withdraw { reason } — HQ or an admin of the edition's office. */
export const withdrawEditionEndpoint: PayloadHandler = async (req) => {
  const role = roleOf(req.user)
  if (role !== 'hq-admin' && role !== 'office-admin') {
    throw termsError('forbidden', '変更を取りやめる権限がありません。', 403)
  }
  const body = await bodyOf(req, withdrawBody)
  const editionId = await editionForAdmin(req, {
    any: '変更を取りやめる',
    office: 'この事業所の版を取りやめる',
  })
  const result = await withdrawAnnouncedChange(req.payload, {
    editionId,
    reason: body.reason,
    req,
  })
  return Response.json({
    edition: { id: result.edition.id, number: result.edition.number, status: 'withdrawn' },
    notice: { id: result.notice.id, kind: 'withdrawal', publishedAt: result.notice.publishedAt },
  })
}

/** POST /api/terms-templates/:id/publish { officeIds, effectiveFrom, ground, reasons?, reasonFactors? } — HQ only. */
export const publishTemplateEndpoint: PayloadHandler = async (req) => {
  if (roleOf(req.user) !== 'hq-admin') {
    throw termsError('forbidden', 'テンプレートの一括公開は本部管理者のみが行えます。', 403)
  }
  const body = await bodyOf(req, publishTemplateBody)
  const results = (
    await publishTemplateToOffices(req.payload, {
      templateId: routeId(req),
      officeIds: body.officeIds,
      effectiveFrom: body.effectiveFrom,
      ground: body.ground,
      reasons: body.reasons,
      reasonFactors: body.reasonFactors,
      req,
    })
  ).map(resultView)
  const failed = results.find((row) => row.status === 'failed')
  return Response.json(
    failed
      ? {
          errors: [
            {
              // Returned, not thrown, so the afterError hook that words refusals in English
              // (localiseErrors) does not see it.
              message:
                (req.i18n?.language === 'en' ? englishForCode(failed.code) : undefined) ??
                failed.message,
              data: { code: failed.code },
            },
          ],
          results,
        }
      : { results },
    { status: failed ? 422 : 200 },
  )
}

function resultView(row: OfficePublication) {
  if (row.status === 'published') {
    return {
      officeId: row.officeId,
      status: row.status,
      editionId: row.edition.id,
      number: row.edition.number,
      noticeId: row.notice?.id ?? null,
    }
  }
  return row
}
