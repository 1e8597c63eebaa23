/**
 * The content hash an edition is known by, and that a booking's consent records.
 * It covers only the fields that make up the terms, so database row ids or key order in
 * stored JSON cannot change it, while any change of wording, order or reference does.
 */
import { createHash } from 'node:crypto'
import { mergeText } from './compose'
import type { ArticleReference, ComposedTerms, Inline, Item, Paragraph, SubItem } from './types'

export function contentHash(terms: ComposedTerms): string {
  return createHash('sha256')
    .update(canonicalJson(canonicalTerms(terms)))
    .digest('hex')
}

/** JSON with object keys sorted at every level and undefined members left out. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key]
    if (member !== undefined) sorted[key] = sortKeys(member)
  }
  return sorted
}

function canonicalTerms(terms: ComposedTerms): unknown {
  return {
    title: terms.title,
    preamble: terms.preamble.map(canonicalParagraph),
    articles: terms.articles.map((article) => ({
      key: article.key,
      number: article.number,
      heading: article.heading,
      paragraphs: article.paragraphs.map(canonicalParagraph),
    })),
    signatory: terms.signatory,
  }
}

function canonicalParagraph(paragraph: Paragraph): unknown {
  return {
    text: canonicalText(paragraph.text),
    items: nonEmpty(paragraph.items?.map(canonicalItem)),
  }
}

function canonicalItem(item: Item): unknown {
  return {
    text: canonicalText(item.text),
    subItems: nonEmpty(
      item.subItems?.map((sub: SubItem) => ({
        text: canonicalText(sub.text),
        bullet: sub.bullet ? true : undefined,
      })),
    ),
  }
}

function canonicalText(text: readonly Inline[]): unknown[] {
  return mergeText(text).map((run) => {
    if ('text' in run) return { text: run.text }
    if ('variable' in run) return { variable: run.variable }
    const ref: ArticleReference = run.ref
    return { ref: { article: ref.article, paragraph: ref.paragraph, item: ref.item } }
  })
}

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined
}
