import type { Payload, PayloadRequest } from 'payload'

import type { ChangeReasonFactors } from '../../rules/terms/changeReasons'
import { editionIsChange } from '../../rules/terms/termsChange'
import type { ChangeNotice, TermsEdition } from '../../payload-types'
import { composeEdition } from './compose'
import { readContent } from './contentSchema'
import { termsContext } from './context'
import { tokyoToday } from '../../lib/tokyoTime'
import { officeHadTermsBeforeKiyaku } from './editionChange'
import { termsError, throwProblems } from './errors'
import {
  editionPublishProblems,
  noticePublishProblems,
  type NoticeGround,
  type PublishProblem,
} from './publishChecks'
import {
  asRelation,
  editionInForceOn,
  findEdition,
  findOffice,
  minimumNoticeDays,
  noticeForEdition,
  policyInForceOn,
  publishedEditionsOf,
} from './queries'
import { idOf, sameId, type Id } from '../../lib/ids'

export interface PublishEditionInput {
  editionId: Id
  /** 民法548条の4第1項第1号 or 第2号; needed for every edition after an office's first. */
  ground?: NoticeGround
  /** Required on ground 1: why the change fits the users' general interest. */
  reasons?: string | null
  /** Required on ground 2, all four; the notice's published reasons are written from them. */
  reasonFactors?: ChangeReasonFactors | null
  req?: PayloadRequest
}

// reasonFactors: until payload-types is regenerated with the field.
type NoticeWithFactors = ChangeNotice & { reasonFactors?: ChangeReasonFactors | null }

export interface PublishedChange {
  edition: TermsEdition
  /** Null for an office's first edition, which changes nothing. */
  notice: ChangeNotice | null
}

/**
 * Publishes a draft edition together with its change notice: the notice first (the law wants
 * the announcement), then the edition. Everything is checked before anything is written, and a
 * notice published here is withdrawn again if the edition then cannot be published (a race
 * with another publisher), so the two never disagree.
 */
export async function publishEditionWithNotice(
  payload: Payload,
  { editionId, ground, reasons, reasonFactors: sentFactors, req }: PublishEditionInput,
): Promise<PublishedChange> {
  const reasonFactors = sentFactors ?? undefined
  const edition = await findEdition(payload, editionId, req)
  if (!edition) throw termsError('edition_not_found', '指定された版が見つかりません。', 404)
  if (edition.status === 'published') {
    throw termsError('edition_immutable', 'この版は既に公開されています。', 403)
  }
  const officeId = idOf(edition.office)
  if (officeId === null) throw termsError('office_required', '版に事業所がありません。', 400)
  const content = readContent(edition.content)
  if (!content.ok) throw termsError('content_missing', '条文がないため公開できません。')

  const published = await publishedEditionsOf(payload, officeId, req)
  let notice = await noticeForEdition(payload, edition.id, req)
  const hadTerms = await officeHadTermsBeforeKiyaku(payload, officeId, req)
  const seeding = termsContext(req ?? {}).seeding === true
  const needsNotice = editionIsChange({
    otherPublishedEditions: published.length,
    officeHadTerms: hadTerms,
    composed: idOf(edition.template) !== null,
    historical: seeding,
  })
  if (needsNotice && !notice) {
    notice = await payload.create({
      collection: 'change-notices',
      data: {
        edition: edition.id,
        ground: ground ?? '2',
        reasons: reasons ?? null,
        ...(reasonFactors ? { reasonFactors } : {}),
        status: 'draft',
        effectiveFrom: edition.effectiveFrom,
      } as NoticeWithFactors,
      depth: 0,
      req,
    })
  } else if (
    notice?.status === 'draft' &&
    (ground !== undefined || reasons !== undefined || reasonFactors !== undefined)
  ) {
    notice = await payload.update({
      collection: 'change-notices',
      id: notice.id,
      data: {
        ...(ground ? { ground } : {}),
        ...(reasons !== undefined ? { reasons } : {}),
        ...(reasonFactors !== undefined ? { reasonFactors } : {}),
      } as Partial<NoticeWithFactors>,
      depth: 0,
      req,
    })
  }

  const today = tokyoToday()
  const days = await minimumNoticeDays(payload, req)
  const problems: PublishProblem[] = []
  if (notice?.status === 'draft') {
    problems.push(
      ...noticePublishProblems({
        ground: notice.ground,
        reasons: notice.reasons,
        reasonFactors: (notice as NoticeWithFactors).reasonFactors,
        effectiveFrom: edition.effectiveFrom,
        publishedOn: today,
        minimumNoticeDays: days,
      }),
    )
  }
  problems.push(
    ...editionPublishProblems({
      number: edition.number,
      effectiveFrom: edition.effectiveFrom,
      content: content.content,
      today,
      allowPast: seeding,
      published,
      notice: notice
        ? {
            ground: notice.ground,
            status: 'published',
            publishedOn: notice.publishedAt ? tokyoToday(new Date(notice.publishedAt)) : today,
            reasons: notice.reasons,
          }
        : null,
      minimumNoticeDays: days,
      composed: idOf(edition.template) !== null,
      officeHadTerms: hadTerms,
    }),
  )
  // Demo seeding (and tests standing in for a publication made earlier) may date an edition in the
  // past; its notice is then taken as made in time, as the edition's own date is.
  const checked = seeding ? problems.filter((p) => p.code !== 'notice_too_late') : problems
  throwProblems(checked.filter((p, i) => checked.findIndex((q) => q.code === p.code) === i))

  let publishedHere = false
  if (notice?.status === 'draft') {
    notice = await payload.update({
      collection: 'change-notices',
      id: notice.id,
      data: { status: 'published' },
      depth: 0,
      req,
    })
    publishedHere = true
  }
  try {
    const publishedEdition = await payload.update({
      collection: 'terms-editions',
      id: edition.id,
      data: { status: 'published' },
      depth: 0,
      req,
    })
    return { edition: publishedEdition, notice }
  } catch (error) {
    if (publishedHere && notice) await withdrawNotice(payload, notice.id, req)
    throw error
  }
}

async function withdrawNotice(payload: Payload, id: Id, req?: PayloadRequest): Promise<void> {
  try {
    await payload.update({
      collection: 'change-notices',
      id,
      data: { status: 'draft' },
      depth: 0,
      req,
      context: { revertNoticePublish: true },
    })
  } finally {
    // The Local API merges context into a shared req; the flag must not outlive this call.
    if (req?.context) delete (req.context as Record<string, unknown>).revertNoticePublish
  }
}

export interface PublishTemplateInput {
  templateId: Id
  officeIds: Id[]
  effectiveFrom: string
  ground: NoticeGround
  reasons?: string | null
  reasonFactors?: ChangeReasonFactors | null
  req?: PayloadRequest
}

export type OfficePublication =
  | { officeId: Id; status: 'published'; edition: TermsEdition; notice: ChangeNotice | null }
  | { officeId: Id; status: 'unchanged' }
  | { officeId: Id; status: 'failed'; code: string; message: string }

/**
 * HQ publishes a template to many offices at once: per office, an edition composed from the
 * template, the office's overrides (from its edition in force on that date) and its policy in
 * force, plus its notice. Every office is checked first and nothing is written unless all
 * pass; an office whose terms would not change is left alone.
 */
export async function publishTemplateToOffices(
  payload: Payload,
  input: PublishTemplateInput,
): Promise<OfficePublication[]> {
  const { templateId, effectiveFrom, ground, reasons, reasonFactors, req } = input
  const template = await payload
    .findByID({ collection: 'terms-templates', id: templateId, depth: 0, req })
    .catch(() => null)
  if (!template)
    throw termsError('template_not_found', '指定されたテンプレートが見つかりません。', 404)
  const officeIds = input.officeIds.filter(
    (id, index) => input.officeIds.findIndex((other) => sameId(other, id)) === index,
  )
  const today = tokyoToday()
  const days = await minimumNoticeDays(payload, req)

  interface Plan {
    officeId: Id
    unchanged: boolean
    overrides: unknown
    policyId: Id
  }
  const plans: Plan[] = []
  const failures: OfficePublication[] = []
  for (const officeId of officeIds) {
    try {
      const office = await findOffice(payload, officeId, req)
      if (!office) throw termsError('office_required', '事業所が見つかりません。', 404)
      const policy = await policyInForceOn(payload, officeId, effectiveFrom, req)
      if (!policy)
        throw termsError('policy_missing', '施行日時点で適用される予約ポリシーがありません。')
      const published = await publishedEditionsOf(payload, officeId, req)
      const inForce = editionInForceOn(published, effectiveFrom)
      const overrides = inForce?.overrides ?? null
      const composed = composeEdition(office, policy, template, overrides)
      const unchanged = inForce?.contentHash === composed.contentHash
      if (!unchanged) {
        throwProblems([
          ...(published.length > 0
            ? noticePublishProblems({
                ground,
                reasons,
                reasonFactors,
                effectiveFrom,
                publishedOn: today,
                minimumNoticeDays: days,
              })
            : []),
          ...editionPublishProblems({
            number: Number.MAX_SAFE_INTEGER,
            effectiveFrom,
            content: composed.content,
            today,
            allowPast: false,
            published,
            notice: { ground, status: 'published', publishedOn: today, reasons },
            minimumNoticeDays: days,
            composed: true,
          }),
        ])
      }
      plans.push({ officeId, unchanged, overrides, policyId: policy.id })
    } catch (error) {
      failures.push(failureOf(officeId, error))
    }
  }
  if (failures.length > 0) {
    const notAttempted = plans.map((plan): OfficePublication => ({
      officeId: plan.officeId,
      status: 'failed',
      code: 'not_attempted',
      message: '他の事業所で問題があったため、どの事業所にも公開しませんでした。',
    }))
    return [...failures, ...notAttempted]
  }

  const results: OfficePublication[] = []
  for (const plan of plans) {
    if (plan.unchanged) {
      results.push({ officeId: plan.officeId, status: 'unchanged' })
      continue
    }
    try {
      const draft = await payload.create({
        collection: 'terms-editions',
        data: {
          office: asRelation(plan.officeId),
          effectiveFrom,
          status: 'draft',
          template: asRelation(templateId),
          overrides: plan.overrides as TermsEdition['overrides'],
        } as TermsEdition,
        depth: 0,
        req,
      })
      const { edition, notice } = await publishEditionWithNotice(payload, {
        editionId: draft.id,
        ground,
        reasons,
        reasonFactors,
        req,
      })
      results.push({ officeId: plan.officeId, status: 'published', edition, notice })
    } catch (error) {
      results.push(failureOf(plan.officeId, error))
    }
  }
  return results
}

function failureOf(officeId: Id, error: unknown): OfficePublication {
  const data = (error as { data?: { code?: unknown } }).data
  const code = typeof data?.code === 'string' ? data.code : 'internal_error'
  const message = error instanceof Error ? error.message : String(error)
  return { officeId, status: 'failed', code, message }
}
