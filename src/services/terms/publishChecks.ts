/**
 * Whether an edition or a change notice may be published. Pure: the hooks and services gather
 * the facts from the database and act on the answer. (The rules in src/rules/terms have no
 * publishing checks, so they live here, next to the services that use them.)
 *
 * 民法548条の4: a change on ground 2 has no effect unless announced before it takes effect;
 * Kiyaku asks for minimumNoticeDays (HQ setting) of notice. Ground 1 may take effect at once.
 */
import { formatDateJa } from '../../rules/japaneseDate'
import { findDanglingReferences, type ComposedTerms } from '../../rules/terms'
import { leftoverVariables } from './contentSchema'
import { addDays } from './dates'
import type { TermsErrorCode } from './codes'

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
}

export interface NoticePublishInput {
  ground: NoticeGround
  reasons?: string | null
  effectiveFrom: string
  publishedOn: string
  minimumNoticeDays: number
}

/** The last JST date a ground-2 notice may be published for a change taking effect on effectiveFrom. */
function lastNoticeDate(effectiveFrom: string, minimumNoticeDays: number): string {
  // Even with no minimum, the law wants the notice before the effective time (00:00 JST).
  return addDays(effectiveFrom, -Math.max(1, minimumNoticeDays))
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
  if (!input.allowPast && input.effectiveFrom < input.today) {
    problems.push({
      code: 'effective_in_past',
      message: `施行日（${formatDateJa(input.effectiveFrom)}）が過去の日付です。本日（${formatDateJa(input.today)}）以降の日付にしてください。`,
    })
  }
  const sameDay = input.published.find((p) => p.effectiveFrom === input.effectiveFrom)
  if (sameDay) {
    problems.push({
      code: 'edition_overlap',
      message: `同じ施行日（${formatDateJa(input.effectiveFrom)}）の版（第${sameDay.number}版）が既に公開されています。`,
    })
  } else {
    const later = input.published.find(
      (p) => p.effectiveFrom > input.effectiveFrom || p.number >= input.number,
    )
    if (later) {
      problems.push({
        code: 'edition_out_of_order',
        message:
          `公開済みの第${later.number}版（${formatDateJa(later.effectiveFrom)}施行）より後の版番号・施行日にしてください。` +
          '版は番号順・施行日順に公開します。',
      })
    }
  }
  // The first edition starts the terms; every later one changes them and needs a notice.
  if (input.published.length > 0) {
    const notice = input.notice
    if (!notice || notice.status !== 'published' || !notice.publishedOn) {
      problems.push({
        code: 'notice_missing',
        message:
          '利用規約の変更には、変更のお知らせ（変更すること・変更後の内容・効力発生日）の公表が必要です。' +
          '先にお知らせを公表してください。',
      })
    } else {
      problems.push(
        ...noticeTimingProblems({
          ground: notice.ground,
          effectiveFrom: input.effectiveFrom,
          publishedOn: notice.publishedOn,
          minimumNoticeDays: input.minimumNoticeDays,
        }),
      )
    }
  }
  return problems
}

export function noticePublishProblems(input: NoticePublishInput): PublishProblem[] {
  const problems: PublishProblem[] = []
  if (input.ground === '2' && !input.reasons?.trim()) {
    problems.push({
      code: 'reasons_required',
      message:
        '民法548条の4第1項第2号による変更では、変更の理由（必要性・内容の相当性など）を記入してください。',
    })
  }
  problems.push(...noticeTimingProblems(input))
  return problems
}

function noticeTimingProblems(input: Omit<NoticePublishInput, 'reasons'>): PublishProblem[] {
  if (input.ground !== '2') return []
  const deadline = lastNoticeDate(input.effectiveFrom, input.minimumNoticeDays)
  if (input.publishedOn <= deadline) return []
  return [
    {
      code: 'notice_too_late',
      message:
        `民法548条の4第1項第2号による変更は、効力発生日（${formatDateJa(input.effectiveFrom)}）の` +
        `${Math.max(1, input.minimumNoticeDays)}日前（${formatDateJa(deadline)}）までに周知する必要があります` +
        `（お知らせの公表日: ${formatDateJa(input.publishedOn)}）。効力発生日を遅らせてください。`,
    },
  ]
}
