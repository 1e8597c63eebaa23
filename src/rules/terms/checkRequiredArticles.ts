import { documentPassages } from './documentText'
import type { Article, NumberedArticle, Paragraph } from './types'

/**
 * What published terms must keep, whatever an office's overrides remove: the change clause that
 * 548条の4 changes rely on, the governing law and the court, the privacy article, and the
 * cancellation and no-show rules the booking hooks enforce. Found by what the text says, so a
 * replaced or renamed article counts as long as it still says it.
 */
type RequiredPart =
  'change_clause' | 'governing_law' | 'jurisdiction' | 'privacy' | 'cancellation' | 'no_show'

const LABELS: Record<RequiredPart, string> = {
  change_clause: '規約の変更に関する条項（変更の要件と周知の方法）',
  governing_law: '準拠法',
  jurisdiction: '合意管轄裁判所',
  privacy: '個人情報の保護に関する条項',
  cancellation: '予約の取消し（キャンセル）の方法',
  no_show: '連絡のない欠席の扱い',
}

const TESTS: Record<RequiredPart, (text: string) => boolean> = {
  change_clause: (t) => /変更/.test(t) && /(承諾|同意)/.test(t) && /(周知|告知|通知)/.test(t),
  governing_law: (t) => /(準拠法|日本法)/.test(t),
  jurisdiction: (t) => /裁判所/.test(t) && /管轄/.test(t),
  privacy: (t) => /個人情報/.test(t),
  cancellation: (t) => /(キャンセル|取り消す|取消し)/.test(t),
  no_show: (t) => /連絡(が|の)ない/.test(t),
}

export interface MissingPart {
  part: RequiredPart
  /** Japanese: what is missing. */
  label: string
}

export function missingRequiredParts(document: {
  preamble: readonly Paragraph[]
  articles: readonly (Article | NumberedArticle)[]
}): MissingPart[] {
  // Per article, so that words scattered across unrelated articles do not add up to a clause.
  const byArticle = new Map<string, string>()
  for (const passage of documentPassages(document)) {
    byArticle.set(passage.where, `${byArticle.get(passage.where) ?? ''}${passage.text}\n`)
  }
  const texts = [...byArticle.values()]
  return (Object.keys(TESTS) as RequiredPart[])
    .filter((part) => !texts.some((text) => TESTS[part](text)))
    .map((part) => ({ part, label: LABELS[part] }))
}
