/**
 * Whether an edition or a change notice may be published. Pure: the hooks and services gather
 * the facts from the database and act on the answer. (The rules in src/rules/terms have no
 * publishing checks, so they live here, next to the services that use them.)
 *
 * 民法548条の4: a change on ground 2 has no effect unless announced before it takes effect. The
 * law sets no minimum period; minimumNoticeDays is headquarters' policy (HQ setting). A ground-1
 * change must be announced too; the terms' own change clause promises notice before the
 * effective date, so Kiyaku asks that of ground 1 as well (at least the day before). A notice
 * counts only from when both it and its edition are public: a notice whose edition is still a
 * draft tells the public nothing they can read.
 */
import { addDays, formatEraDate } from '../../lib/tokyoTime'
import { findDanglingReferences, type ComposedTerms } from '../../rules/terms'
import {
  changeReasonFactorLabels,
  missingChangeReasonFactors,
  type ChangeReasonFactors,
} from '../../rules/terms/changeReasons'
import { missingRequiredParts } from '../../rules/terms/checkRequiredArticles'
import { lintTerms } from '../../rules/terms/lintTerms'
import { editionIsChange } from '../../rules/terms/termsChange'
import { leftoverVariables } from './contentSchema'
import type { TermsErrorCode } from '../../rules/terms/errorCodes'

export type NoticeGround = '1' | '2'

export interface PublishProblem {
  code: TermsErrorCode
  /** Japanese, for the admin. */
  message: string
}

interface NoticeFacts {
  ground: NoticeGround
  status: 'draft' | 'published'
  /** JST date the notice was (or is about to be) published. */
  publishedOn: string | null
  reasons?: string | null
}

export interface EditionPublishInput {
  number: number
  effectiveFrom: string
  content: ComposedTerms
  /** Today in JST. */
  today: string
  /** Demo seeding only: editions that took effect in the past. */
  allowPast: boolean
  /** The office's other published editions. */
  published: readonly { number: number; effectiveFrom: string }[]
  /** The change notice for this edition, if there is one. */
  notice: NoticeFacts | null
  minimumNoticeDays: number
  /** Composed from a template (the lint is an error then; an imported text only warns). */
  composed: boolean
  /**
   * The office had terms in force before its first Kiyaku edition (both demo offices do). A
   * composed first edition then changes them; an imported one is the current terms themselves.
   */
  officeHadTerms?: boolean
}

export interface NoticePublishInput {
  ground: NoticeGround
  /** Ground 1: why the change fits the users' general interest. */
  reasons?: string | null
  /** Ground 2: the four factors of 民法548条の4第1項第2号. */
  reasonFactors?: ChangeReasonFactors | null
  effectiveFrom: string
  publishedOn: string
  minimumNoticeDays: number
}

/**
 * The last JST date a notice (and its edition) may become public for a change taking effect on
 * effectiveFrom: HQ's period for ground 2, the day before for ground 1. Even with no minimum the
 * notice must come before the effective time (00:00 JST).
 */
function lastNoticeDate(
  effectiveFrom: string,
  minimumNoticeDays: number,
  ground: NoticeGround = '2',
): string {
  return addDays(effectiveFrom, ground === '1' ? -1 : -Math.max(1, minimumNoticeDays))
}

export function editionPublishProblems(input: EditionPublishInput): PublishProblem[] {
  const problems: PublishProblem[] = []
  const dangling = findDanglingReferences(input.content)
  if (dangling.length > 0) {
    problems.push({
      code: 'dangling_reference',
      message: `参照先のない条文参照があるため公開できません: ${dangling.map((d) => d.message).join('、')}`,
    })
  }
  const variables = leftoverVariables(input.content)
  if (variables.length > 0) {
    problems.push({
      code: 'unresolved_variable',
      message: `値の入っていない変数があるため公開できません: ${variables.join('、')}`,
    })
  }
  const missing = missingRequiredParts(input.content)
  if (missing.length > 0) {
    problems.push({
      code: 'required_article_missing',
      message: `公開する利用規約には次の定めが必要です。条文を戻すか追加してください: ${missing.map((m) => m.label).join('、')}`,
    })
  }
  if (input.composed) {
    for (const finding of lintTerms(input.content, input.effectiveFrom)) {
      problems.push({ code: finding.code, message: finding.message })
    }
  }
  if (!input.allowPast && input.effectiveFrom < input.today) {
    problems.push({
      code: 'effective_in_past',
      message: `施行日（${formatEraDate(input.effectiveFrom)}）が過去の日付です。本日（${formatEraDate(input.today)}）以降の日付にしてください。`,
    })
  }
  const sameDay = input.published.find((p) => p.effectiveFrom === input.effectiveFrom)
  if (sameDay) {
    problems.push({
      code: 'edition_overlap',
      message: `同じ施行日（${formatEraDate(input.effectiveFrom)}）の版（第${sameDay.number}版）が既に公開されています。`,
    })
  } else {
    const later = input.published.find(
      (p) => p.effectiveFrom > input.effectiveFrom || p.number >= input.number,
    )
    if (later) {
      problems.push({
        code: 'edition_out_of_order',
        message:
          `公開済みの第${later.number}版（${formatEraDate(later.effectiveFrom)}施行）より後の版番号・施行日にしてください。` +
          '版は番号順・施行日順に公開します。',
      })
    }
  }
  const isChange = editionIsChange({
    otherPublishedEditions: input.published.length,
    officeHadTerms: input.officeHadTerms === true,
    composed: input.composed,
    historical: input.allowPast,
  })
  if (isChange) {
    const notice = input.notice
    if (!notice || notice.status !== 'published' || !notice.publishedOn) {
      problems.push({
        code: 'notice_missing',
        message:
          '利用規約の変更には、変更のお知らせ（変更すること・変更後の内容・効力発生日）の公表が必要です。' +
          '先にお知らせを公表してください。',
      })
    } else if (!input.allowPast) {
      // The edition becomes public today: the period runs from the later of the two. (Seeding,
      // which dates editions in the past, takes its notices as made in time.)
      const publicFrom = notice.publishedOn >= input.today ? notice.publishedOn : input.today
      problems.push(
        ...noticeTimingProblems({
          ground: notice.ground,
          effectiveFrom: input.effectiveFrom,
          publishedOn: publicFrom,
          minimumNoticeDays: input.minimumNoticeDays,
        }),
      )
    }
  }
  return problems
}

export function noticePublishProblems(input: NoticePublishInput): PublishProblem[] {
  const problems: PublishProblem[] = []
  if (input.ground === '2') {
    const missing = missingChangeReasonFactors(input.reasonFactors)
    if (missing.length > 0) {
      problems.push({
        code: 'reason_factors_missing',
        message:
          '民法548条の4第1項第2号による変更では、変更が合理的であることを示す考慮要素をすべて記入してください。' +
          `記入されていない要素: ${changeReasonFactorLabels(missing).join('、')}`,
      })
    }
  } else if (!input.reasons?.trim()) {
    problems.push({
      code: 'reasons_required',
      message:
        '民法548条の4第1項第1号による変更でも、利用者の一般の利益に適合する理由を記入してください。',
    })
  }
  problems.push(...noticeTimingProblems(input))
  return problems
}

function noticeTimingProblems(input: Omit<NoticePublishInput, 'reasons'>): PublishProblem[] {
  const deadline = lastNoticeDate(input.effectiveFrom, input.minimumNoticeDays, input.ground)
  if (input.publishedOn <= deadline) return []
  const when = `（お知らせと新しい版の公表日: ${formatEraDate(input.publishedOn)}）。効力発生日を遅らせてください。`
  if (input.ground === '1') {
    return [
      {
        code: 'notice_too_late',
        message:
          `本規約の変更条項は、効力発生日より前に周知すると定めています。第1号による変更も、効力発生日（${formatEraDate(input.effectiveFrom)}）の` +
          `前日（${formatEraDate(deadline)}）までにお知らせを公表してください` +
          when,
      },
    ]
  }
  return [
    {
      code: 'notice_too_late',
      message:
        `民法548条の4第3項により、第2号による変更は効力発生日より前に周知しなければ効力を生じません。` +
        `本部の定める周知期間は${Math.max(1, input.minimumNoticeDays)}日のため、効力発生日（${formatEraDate(input.effectiveFrom)}）の` +
        `${Math.max(1, input.minimumNoticeDays)}日前（${formatEraDate(deadline)}）までに公表してください` +
        when,
    },
  ]
}

/**
 * Warnings, not refusals: a ground-2 change may still be valid without a change clause, but
 * 民法548条の4第1項第2号 weighs whether the terms contain one, so the office should know.
 */
export function noticeWarnings(input: {
  ground: NoticeGround
  /** The edition the change replaces (null: none). */
  termsInForce: Pick<ComposedTerms, 'preamble' | 'articles'> | null
}): PublishProblem[] {
  if (input.ground !== '2' || !input.termsInForce) return []
  const missing = missingRequiredParts(input.termsInForce)
  if (!missing.some((m) => m.part === 'change_clause')) return []
  return [
    {
      code: 'no_change_clause_in_force',
      message:
        '現在施行中の利用規約には変更条項（規約を変更することがある旨とその要件・周知の方法）がありません。' +
        '民法548条の4第1項第2号は、変更が合理的かどうかの判断で、利用規約に変更条項があるかどうかとその内容を考慮します。' +
        '変更の理由にこの点を踏まえた説明を記入してください。',
    },
  ]
}
