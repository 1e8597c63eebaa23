/**
 * What happens when an edition is written: composing drafts from the template, freezing content
 * on publication, and refusing whatever would break the terms' history. Called by the
 * terms-editions hooks; every write path (admin, REST, GraphQL, Local API) goes through them.
 */
import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { formatEraDate, tokyoToday } from '../../lib/tokyoTime'
import { contentHash, type ComposedTerms } from '../../rules/terms'
import type { TermsEdition } from '../../payload-types'
import { composeEdition } from './compose'
import { readContent } from './contentSchema'
import { termsContext } from './context'
import { termsError, throwProblems } from './errors'
import { officeHadTermsBeforeKiyaku } from './editionChange'
import { editionPublishProblems } from './publishChecks'
import {
  asRelation,
  findOffice,
  minimumNoticeDays,
  nextEditionNumber,
  noticeForEdition,
  policyInForceOn,
  publishedEditionsOf,
} from './queries'
import { idOf, sameId, type Id } from '../../lib/ids'

type EditionData = Partial<TermsEdition>

const DRAFT_KEY_PREFIX = 'draft|'

function publishedKeyOf(officeId: Id, effectiveFrom: string): string {
  return `${officeId}|${effectiveFrom}`
}

function editionImmutableError() {
  return termsError(
    'edition_immutable',
    '公開済みの利用規約の版は変更・削除できません。変更する場合は、新しい版を作成してください。',
    403,
  )
}

export async function prepareEditionWrite(args: {
  data: EditionData
  originalDoc: TermsEdition | undefined
  operation: 'create' | 'update'
  req: PayloadRequest
}): Promise<EditionData> {
  const { data, originalDoc, operation, req } = args
  const { payload } = req
  // 'withdrawn' is new: payload-types learns it when the lead regenerates them.
  const statusOf = (doc: { status?: unknown } | undefined) => doc?.status as string | undefined
  if (operation === 'update' && statusOf(originalDoc) === 'published') {
    // The one change a published edition takes: withdrawn before it took effect (withdraw.ts).
    if (termsContext(req).withdrawing === true && statusOf(data) === 'withdrawn') {
      // Everything else as published: only the status, the time and the freed date key change.
      return {
        ...originalDoc,
        status: 'withdrawn',
        withdrawnAt: new Date().toISOString(),
        publishedKey: `withdrawn|${randomUUID()}`,
      } as unknown as EditionData
    }
    throw editionImmutableError()
  }
  if (operation === 'update' && statusOf(originalDoc) === 'withdrawn') {
    // Undoing a withdrawal whose notice could not be written (withdraw.ts): published as it was.
    // Its date key is claimed again, so an edition published on that date meanwhile wins.
    if (termsContext(req).revertWithdrawal === true && statusOf(data) === 'published') {
      const officeId = idOf(originalDoc?.office)
      if (officeId !== null && originalDoc) {
        return {
          ...originalDoc,
          status: 'published',
          withdrawnAt: null,
          publishedKey: publishedKeyOf(officeId, originalDoc.effectiveFrom),
        } as unknown as EditionData
      }
    }
    throw editionImmutableError()
  }

  const merged: EditionData = { ...originalDoc, ...data }
  const officeId = idOf(merged.office)
  if (officeId === null) throw termsError('office_required', '事業所を指定してください。', 400)
  if (operation === 'update' && originalDoc && !sameId(merged.office, originalDoc.office)) {
    throw termsError('office_mismatch', '版の事業所は変更できません。', 400)
  }
  const effectiveFrom = merged.effectiveFrom
  if (typeof effectiveFrom !== 'string') {
    throw termsError('invalid_request', '施行日を YYYY-MM-DD の形式で入力してください。', 400)
  }
  const number = merged.number ?? (await nextEditionNumber(payload, officeId, req))
  data.number = number

  const content = await contentToStore({ data, originalDoc, merged, officeId, effectiveFrom, req })
  const hash = content ? contentHash(content) : null
  data.content = content as unknown as EditionData['content']
  data.contentHash = hash
  data.title = `${content?.title ?? '利用規約'} 第${number}版（${formatEraDate(effectiveFrom)}施行）`

  // Once a notice has told users what the new terms say and when, that is what they must say.
  const announcedChanged =
    operation === 'update' &&
    originalDoc !== undefined &&
    (originalDoc.contentHash !== hash || originalDoc.effectiveFrom !== effectiveFrom)
  const notice =
    operation === 'update' && originalDoc
      ? await noticeForEdition(payload, originalDoc.id, req)
      : null
  if (announcedChanged && notice?.status === 'published') {
    throw termsError(
      'edition_announced',
      'この版は変更のお知らせで公表済みのため、内容や施行日を変更できません。新しい版を作成してください。',
    )
  }

  if (merged.status !== 'published') {
    const kept = originalDoc?.publishedKey
    data.publishedKey = kept?.startsWith(DRAFT_KEY_PREFIX)
      ? kept
      : `${DRAFT_KEY_PREFIX}${randomUUID()}`
    data.publishedAt = null
    return data
  }

  if (!content) {
    throw termsError(
      'content_missing',
      '条文がないため公開できません。テンプレートを選ぶか条文を取り込んでください。',
    )
  }
  const published = (await publishedEditionsOf(payload, officeId, req)).filter(
    (edition) => !originalDoc || !sameId(edition.id, originalDoc.id),
  )
  throwProblems(
    editionPublishProblems({
      number,
      effectiveFrom,
      content,
      today: tokyoToday(),
      allowPast: termsContext(req).seeding === true,
      published,
      notice: notice
        ? {
            ground: notice.ground,
            status: notice.status,
            publishedOn: notice.publishedAt ? tokyoToday(new Date(notice.publishedAt)) : null,
            reasons: notice.reasons,
          }
        : null,
      minimumNoticeDays: await minimumNoticeDays(payload, req),
      composed: idOf(merged.template) !== null,
      officeHadTerms: await officeHadTermsBeforeKiyaku(payload, officeId, req),
    }),
  )
  data.publishedKey = publishedKeyOf(officeId, effectiveFrom)
  data.publishedAt = new Date().toISOString()
  return data
}

/**
 * A draft with a template is composed from it, its overrides and the policy in force at its
 * effectiveFrom whenever one of those changes, unless the caller supplied content of its own.
 * Imported drafts (no template) keep the content they were given.
 */
async function contentToStore(args: {
  data: EditionData
  originalDoc: TermsEdition | undefined
  merged: EditionData
  officeId: Id
  effectiveFrom: string
  req: PayloadRequest
}): Promise<ComposedTerms | null> {
  const { data, originalDoc, merged, officeId, effectiveFrom, req } = args
  const { payload } = req
  const suppliedContent =
    data.content !== undefined &&
    data.content !== null &&
    JSON.stringify(data.content) !== JSON.stringify(originalDoc?.content ?? null)
  const templateId = idOf(merged.template)
  const inputsChanged =
    !originalDoc ||
    !originalDoc.content ||
    !sameIdOrBothNull(originalDoc.template, merged.template) ||
    JSON.stringify(originalDoc.overrides ?? null) !== JSON.stringify(merged.overrides ?? null) ||
    originalDoc.effectiveFrom !== effectiveFrom

  if (templateId !== null && !suppliedContent && inputsChanged) {
    const template = await payload
      .findByID({ collection: 'terms-templates', id: templateId, depth: 0, req })
      .catch(() => null)
    if (!template)
      throw termsError('template_not_found', '指定されたテンプレートが見つかりません。', 400)
    const office = await findOffice(payload, officeId, req)
    if (!office) throw termsError('office_required', '事業所が見つかりません。', 400)
    const policy = await policyInForceOn(payload, officeId, effectiveFrom, req)
    if (!policy) {
      throw termsError(
        'policy_missing',
        `${formatEraDate(effectiveFrom)}時点で適用される予約ポリシーがありません。先に予約ポリシーを登録してください。`,
      )
    }
    data.policy = asRelation(policy.id)
    return composeEdition(office, policy, template, merged.overrides).content
  }

  const raw = merged.content
  // An empty object is what a blank JSON field holds: no content yet.
  const blank =
    raw === undefined ||
    raw === null ||
    (typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0)
  if (blank) return null
  const read = readContent(raw)
  if (!read.ok) {
    throw termsError(
      'content_invalid',
      `条文の形式が正しくありません: ${read.problems.join('、')}`,
      400,
      {
        problems: read.problems,
      },
    )
  }
  return read.content
}

function sameIdOrBothNull(a: unknown, b: unknown): boolean {
  const left = idOf(a)
  const right = idOf(b)
  return left === null || right === null ? left === right : String(left) === String(right)
}

/** Deleting: never a published edition, nor an announced one; a draft takes its draft notice along. */
export async function prepareEditionDelete(id: Id, req: PayloadRequest): Promise<void> {
  const { payload } = req
  const edition = await payload
    .findByID({ collection: 'terms-editions', id, depth: 0, req })
    .catch(() => null)
  if (!edition) return
  if (edition.status === 'published') throw editionImmutableError()
  const notice = await noticeForEdition(payload, id, req)
  if (!notice) return
  if (notice.status === 'published') {
    throw termsError(
      'edition_announced',
      'この版は変更のお知らせで公表済みのため、削除できません。',
    )
  }
  await payload.delete({ collection: 'change-notices', id: notice.id, req })
}
