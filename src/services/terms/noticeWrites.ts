/**
 * What happens when a change notice is written (民法548条の4第2項): it states that the terms
 * change, links the new edition (the new content) and carries its effectiveFrom, all taken from
 * the edition rather than typed; the changed articles come from comparing the two editions.
 * Publishing checks the ground-2 notice period; a published notice never changes. A ground-2
 * notice's reasons are written from the four factors the law weighs, so what is published is
 * what the office stated for each.
 */
import type { PayloadRequest } from 'payload'

import { formatEraDate, tokyoToday } from '../../lib/tokyoTime'
import { changedArticles, summarizeChanges, type ComposedTerms } from '../../rules/terms'
import { changeReasonsText, type ChangeReasonFactors } from '../../rules/terms/changeReasons'
import type { ChangeNotice } from '../../payload-types'
import { readContent } from './contentSchema'
import { termsContext } from './context'
import { termsError, throwProblems } from './errors'
import { noticePublishProblems, noticeWarnings } from './publishChecks'
import {
  asRelation,
  findEdition,
  minimumNoticeDays,
  noticeForEdition,
  publishedEditionsOf,
} from './queries'
import { idOf, sameId } from '../../lib/ids'

// reasonFactors: until payload-types is regenerated with the field.
type NoticeData = Partial<ChangeNotice> & { reasonFactors?: ChangeReasonFactors | null }

function noticeTitle(effectiveFrom: string): string {
  return `利用規約の変更のお知らせ（${formatEraDate(effectiveFrom)}施行）`
}

export async function prepareNoticeWrite(args: {
  data: NoticeData
  originalDoc: ChangeNotice | undefined
  operation: 'create' | 'update'
  req: PayloadRequest
}): Promise<NoticeData> {
  const { data, originalDoc, operation, req } = args
  const { payload } = req
  const context = termsContext(req)
  if (operation === 'update' && originalDoc?.status === 'published') {
    const reverting = context.revertNoticePublish === true && data.status === 'draft'
    if (!reverting) {
      throw termsError('notice_immutable', '公表済みの変更のお知らせは変更・削除できません。', 403)
    }
  }

  const merged: NoticeData = { ...originalDoc, ...data }
  if ((merged as { kind?: unknown }).kind === 'withdrawal') {
    return prepareWithdrawalNotice(data, merged, operation, req)
  }
  const editionId = idOf(merged.edition)
  const edition = editionId === null ? null : await findEdition(payload, editionId, req)
  if (!edition)
    throw termsError('edition_not_found', 'お知らせの対象となる版が見つかりません。', 400)
  if (operation === 'update' && originalDoc && !sameId(originalDoc.edition, edition.id)) {
    throw termsError('invalid_request', 'お知らせの対象の版は変更できません。', 400)
  }
  const existing = await noticeForEdition(payload, edition.id, req)
  if (existing && (!originalDoc || !sameId(existing.id, originalDoc.id))) {
    throw termsError(
      'notice_exists',
      'この版の変更のお知らせは既にあります。そちらを編集してください。',
      409,
      {
        noticeId: existing.id,
      },
    )
  }
  const officeId = idOf(edition.office)
  if (officeId === null) throw termsError('office_required', '版に事業所がありません。', 400)
  if (merged.office !== undefined && merged.office !== null && !sameId(merged.office, officeId)) {
    throw termsError('office_mismatch', 'お知らせの事業所と版の事業所が一致しません。', 400)
  }
  data.office = asRelation(officeId)
  data.effectiveFrom = edition.effectiveFrom

  const newContent = readContent(edition.content)
  const previous = (await publishedEditionsOf(payload, officeId, req))
    .filter((e) => e.effectiveFrom < edition.effectiveFrom && !sameId(e.id, edition.id))
    .at(-1)
  const previousContent = previous ? readContent(previous.content) : null
  // A draft notice may precede its edition's content; publishing requires it (below).
  const changes = !newContent.ok
    ? []
    : previousContent?.ok === true
      ? changedArticles(previousContent.content, newContent.content)
      : changedArticles(emptyTerms(newContent.content), newContent.content)
  data.previousEdition = previous ? asRelation(previous.id) : null
  data.changedArticles = changes as unknown as NoticeData['changedArticles']
  if (!merged.summary?.trim() && newContent.ok) {
    data.summary = summarizeChanges(changes) || '条文の内容に変更はありません。'
  }
  if (!merged.title?.trim()) data.title = noticeTitle(edition.effectiveFrom)
  const ground = merged.ground ?? '2'
  data.ground = ground
  const reasonFactors: ChangeReasonFactors = {
    ...(originalDoc as NoticeData | undefined)?.reasonFactors,
    ...data.reasonFactors,
  }
  if (ground === '2') data.reasons = changeReasonsText(reasonFactors) || null
  // Carried on the notice, so the create/update/publish response shows it to the office.
  ;(data as { warnings?: unknown }).warnings = noticeWarnings({
    ground,
    termsInForce: previousContent?.ok === true ? previousContent.content : null,
  })

  if (merged.status !== 'published') {
    data.publishedAt = null
    return data
  }
  if (operation === 'update' && originalDoc?.status === 'published') return data
  if (!newContent.ok) {
    throw termsError('content_missing', '対象の版に条文がないため、お知らせを公表できません。')
  }

  // Published now, whatever a client sent: the date of publication is what the law looks at.
  // Demo seeding may state its own publication time.
  const publishedAt =
    context.seeding === true && typeof data.publishedAt === 'string'
      ? data.publishedAt
      : new Date().toISOString()
  const problems = noticePublishProblems({
    ground,
    reasons: merged.reasons,
    reasonFactors,
    effectiveFrom: edition.effectiveFrom,
    publishedOn: tokyoToday(new Date(publishedAt)),
    minimumNoticeDays: await minimumNoticeDays(payload, req),
  })
  // Seeding dates editions in the past (publish.ts): their notices count as made in time.
  throwProblems(
    context.seeding === true ? problems.filter((p) => p.code !== 'notice_too_late') : problems,
  )
  data.publishedAt = publishedAt
  return data
}

export async function prepareNoticeDelete(id: number | string, req: PayloadRequest): Promise<void> {
  const notice = await req.payload
    .findByID({ collection: 'change-notices', id, depth: 0, req })
    .catch(() => null)
  if (notice?.status === 'published') {
    throw termsError('notice_immutable', '公表済みの変更のお知らせは変更・削除できません。', 403)
  }
}

function withdrawalTitle(effectiveFrom: string): string {
  return `利用規約の変更の取りやめのお知らせ（${formatEraDate(effectiveFrom)}施行予定分）`
}

/**
 * A withdrawal notice: written once, published at once, by withdraw.ts, for an edition it has
 * just withdrawn. It states which announced change will not take effect, and why.
 */
async function prepareWithdrawalNotice(
  data: NoticeData,
  merged: NoticeData,
  operation: 'create' | 'update',
  req: PayloadRequest,
): Promise<NoticeData> {
  if (operation !== 'create' || termsContext(req).withdrawing !== true) {
    throw termsError('notice_immutable', '変更の取りやめのお知らせは変更できません。', 403)
  }
  const edition = await findEdition(req.payload, idOf(merged.edition) ?? 0, req)
  if (!edition || (edition.status as string) !== 'withdrawn') {
    throw termsError('edition_not_found', '取りやめた版が見つかりません。', 400)
  }
  const officeId = idOf(edition.office)
  if (officeId === null) throw termsError('office_required', '版に事業所がありません。', 400)
  data.office = asRelation(officeId)
  data.effectiveFrom = edition.effectiveFrom
  data.title = withdrawalTitle(edition.effectiveFrom)
  data.summary = `${formatEraDate(edition.effectiveFrom)}に予定していた利用規約の変更（第${edition.number}版）は行いません。現在の利用規約が引き続き適用されます。`
  data.changedArticles = [] as unknown as NoticeData['changedArticles']
  data.status = 'published'
  data.publishedAt = new Date().toISOString()
  return data
}

function emptyTerms(like: ComposedTerms): ComposedTerms {
  return { title: like.title, preamble: [], articles: [], signatory: like.signatory }
}
