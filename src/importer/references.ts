/**
 * Turns 第N条, 第N条第M項, 第N条(K) and 第N条第K号 inside imported text into structured
 * references, leaving citations of statutes (職業安定法第5条の5) as text.
 */
import type { ArticleReference, Inline } from '../rules/terms/types'
import { KANJI_NUMERAL, parseNumeral } from './numbering'

/** What a reference can be checked against: an article's key and its items per paragraph. */
export interface ArticleOutline {
  key: string
  /** Number of items in each paragraph, in order. */
  itemCounts: number[]
}

interface UnresolvedReference {
  /** As written, spaces removed: 第15条, 第13条(3). */
  label: string
  reason: string
}

export interface LinkedText {
  inlines: Inline[]
  unresolved: UnresolvedReference[]
}

const NUMERAL = `[0-9]+|${KANJI_NUMERAL}`
const REFERENCE = new RegExp(
  `第\\s*(${NUMERAL})\\s*条(?:\\s*第\\s*(${NUMERAL})\\s*項)?(?:\\s*第\\s*(${NUMERAL})\\s*号|\\s*[（(]\\s*([0-9]+)\\s*[）)])?`,
  'g',
)
// 職業安定法第5条, 同法第3条, 施行規則第2条, 市条例第4条: a statute's article, not ours.
const STATUTE_BEFORE = /(?:法|令|則|例|規程|要綱|要領|条約)\s*$/
// 第5条の4 is a branch article, which these terms never have but statutes do.
const BRANCH_ARTICLE_AFTER = new RegExp(`^\\s*[のノ]\\s*(?:${NUMERAL})`)

/** The key given to a reference whose article does not exist, so that it stays recognisable. */
function missingArticleKey(number: number): string {
  return `article-${number}`
}

export function linkReferences(text: string, outlines: Map<number, ArticleOutline>): LinkedText {
  const inlines: Inline[] = []
  const unresolved: UnresolvedReference[] = []
  let plainFrom = 0

  const pushText = (value: string) => {
    if (value === '') return
    const last = inlines[inlines.length - 1]
    if (last && 'text' in last) last.text += value
    else inlines.push({ text: value })
  }

  for (const match of text.matchAll(REFERENCE)) {
    const start = match.index
    const end = start + match[0].length
    if (STATUTE_BEFORE.test(text.slice(0, start))) continue
    if (BRANCH_ARTICLE_AFTER.test(text.slice(end))) continue
    const articleNumber = parseNumeral(match[1]!)
    if (articleNumber === null) continue

    const label = match[0].replace(/\s+/g, '')
    const paragraph = match[2] === undefined ? undefined : parseNumeral(match[2])
    const itemText = match[3] ?? match[4]
    const item = itemText === undefined ? undefined : parseNumeral(itemText)

    const outline = outlines.get(articleNumber)
    const ref: ArticleReference = { article: outline?.key ?? missingArticleKey(articleNumber) }
    if (paragraph != null) ref.paragraph = paragraph
    if (item != null) ref.item = item

    const reason = outline
      ? outOfRange(outline, paragraph ?? undefined, item ?? undefined)
      : `there is no article ${articleNumber}`
    if (reason) {
      ref.label = label
      unresolved.push({ label, reason })
    }

    pushText(text.slice(plainFrom, start))
    inlines.push({ ref })
    plainFrom = end
  }
  pushText(text.slice(plainFrom))
  return { inlines, unresolved }
}

function outOfRange(
  outline: ArticleOutline,
  paragraph: number | undefined,
  item: number | undefined,
): string | null {
  const paragraphCount = outline.itemCounts.length
  if (paragraph !== undefined && (paragraph < 1 || paragraph > paragraphCount)) {
    return `the article has ${paragraphCount} paragraph(s), not ${paragraph}`
  }
  if (item === undefined) return null
  // 第N条(K) without 第M項 names the article's list, wherever its first paragraph with items is.
  const itemCount =
    paragraph === undefined
      ? (outline.itemCounts.find((count) => count > 0) ?? 0)
      : (outline.itemCounts[paragraph - 1] ?? 0)
  if (item < 1 || item > itemCount) {
    return itemCount === 0
      ? `the paragraph has no items, so item ${item} does not exist`
      : `the paragraph has ${itemCount} item(s), not ${item}`
  }
  return null
}
