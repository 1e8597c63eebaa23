import { changedTermsBoundFields } from './termsBoundFields'
import type { BookingPolicy } from './types'

export interface PolicyEditViolation {
  code: 'policy_governs_terms'
  /** Japanese, for the office admin. */
  message: string
  /** The terms-bound fields the edit would change. */
  fields: string[]
}

const HOW_TO_CHANGE =
  '変更するには、新しい適用開始日の予約ポリシーを作成し、利用規約の変更として公表してください。' +
  '定員と臨時休業日は、このまま変更できます。'

/**
 * A policy whose rules a published (or announced) edition prints is part of those terms: its
 * terms-bound fields and its date cannot change, nor can it be deleted. Capacity and closures,
 * which the terms do not print, stay editable.
 */
export function checkPolicyEdit(input: {
  /** Editions (第N版) that print this policy: published, or announced by a published notice. */
  governedEditionNumbers: readonly number[]
  before: BookingPolicy
  /** Null when the policy is being deleted. */
  after: BookingPolicy | null
}): PolicyEditViolation | null {
  const { governedEditionNumbers, before, after } = input
  if (governedEditionNumbers.length === 0) return null
  const editions = governedEditionNumbers.map((n) => `第${n}版`).join('・')
  if (after === null) {
    return {
      code: 'policy_governs_terms',
      message: `この予約ポリシーは公開済みの利用規約（${editions}）の内容のため、削除できません。`,
      fields: [],
    }
  }
  const fields: string[] = changedTermsBoundFields(before, after)
  if (before.effectiveFrom !== after.effectiveFrom) fields.unshift('effectiveFrom')
  if (fields.length === 0) return null
  return {
    code: 'policy_governs_terms',
    message: `この予約ポリシーは公開済みの利用規約（${editions}）の内容のため、規約に記載される項目は変更できません。${HOW_TO_CHANGE}`,
    fields,
  }
}
