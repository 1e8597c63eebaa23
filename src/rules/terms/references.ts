/**
 * Cross-references (第12条(3), 第6条第2項) are stored by article key and printed from the
 * current order, so moving or removing articles renumbers them instead of leaving stale text.
 */
import type {
  Article,
  ArticleReference,
  ComposedTerms,
  Inline,
  NumberedArticle,
  Paragraph,
  TermsDocument,
} from './types'

export interface DanglingReference {
  /** Where the reference is written, e.g. 第8条第2項 or 前文. */
  at: string
  ref: ArticleReference
  message: string
}

type AnyArticle = Article | NumberedArticle

/** An article's number: its stored number once composed, its position before. */
export function articleNumber(articles: readonly AnyArticle[], index: number): number {
  const article = articles[index]
  return article && 'number' in article ? article.number : index + 1
}

/** 第12条, 第6条第2項, 第12条(3) or 第6条第2項(1); a missing article prints as written or by key. */
export function formatReference(ref: ArticleReference, articles: readonly AnyArticle[]): string {
  const index = articles.findIndex((a) => a.key === ref.article)
  if (index < 0) return ref.label ?? `［参照先不明: ${ref.article}］`
  return formatTarget(articleNumber(articles, index), ref)
}

/** Every reference whose article, paragraph or item does not exist; publishing requires none. */
export function findDanglingReferences(terms: ComposedTerms | TermsDocument): DanglingReference[] {
  const articles: readonly AnyArticle[] = terms.articles
  const found: DanglingReference[] = []
  const check = (at: string, text: readonly Inline[]): void => {
    for (const run of text) {
      if (!('ref' in run)) continue
      const message = danglingMessage(at, run.ref, articles)
      if (message) found.push({ at, ref: run.ref, message })
    }
  }

  terms.preamble.forEach((paragraph, p) => {
    const at = terms.preamble.length > 1 ? `前文第${p + 1}段落` : '前文'
    visitParagraph(paragraph, at, check)
  })
  articles.forEach((article, index) => {
    const number = articleNumber(articles, index)
    article.paragraphs.forEach((paragraph, p) => {
      visitParagraph(paragraph, paragraphLabel(number, p + 1, article.paragraphs.length), check)
    })
  })
  return found
}

/** 第8条 for a one-paragraph article, 第8条第2項 otherwise: statutes omit 第1項 when alone. */
function paragraphLabel(articleNo: number, paragraph: number, paragraphCount: number): string {
  return paragraphCount > 1 ? `第${articleNo}条第${paragraph}項` : `第${articleNo}条`
}

function visitParagraph(
  paragraph: Paragraph,
  at: string,
  check: (at: string, text: readonly Inline[]) => void,
): void {
  check(at, paragraph.text)
  paragraph.items?.forEach((item, i) => {
    const itemAt = `${at}(${i + 1})`
    check(itemAt, item.text)
    const markers = subItemMarkers(item.subItems ?? [])
    item.subItems?.forEach((sub, s) => check(`${itemAt}${markers[s]}`, sub.text))
  })
}

function danglingMessage(
  at: string,
  ref: ArticleReference,
  articles: readonly AnyArticle[],
): string | null {
  const index = articles.findIndex((a) => a.key === ref.article)
  const article = articles[index]
  if (!article) {
    const target = ref.label ?? `条（キー「${ref.article}」）`
    return `${at}が参照する${target}は存在しません`
  }
  const number = articleNumber(articles, index)
  const target = formatTarget(number, ref)
  const paragraphCount = article.paragraphs.length

  if (ref.paragraph !== undefined && !isWithin(ref.paragraph, paragraphCount)) {
    return `${at}が参照する${target}は存在しません（第${number}条は${paragraphCount}項までです）`
  }
  if (ref.item !== undefined) {
    const items = article.paragraphs[(ref.paragraph ?? 1) - 1]?.items?.length ?? 0
    if (!isWithin(ref.item, items)) {
      const owner =
        ref.paragraph === undefined ? `第${number}条` : `第${number}条第${ref.paragraph}項`
      const extent = items > 0 ? `(${items})までです` : '号がありません'
      return `${at}が参照する${target}は存在しません（${owner}は${extent}）`
    }
  }
  return null
}

function formatTarget(number: number, ref: ArticleReference): string {
  const paragraph = ref.paragraph !== undefined ? `第${ref.paragraph}項` : ''
  const item = ref.item !== undefined ? `(${ref.item})` : ''
  return `第${number}条${paragraph}${item}`
}

function isWithin(index: number, count: number): boolean {
  return Number.isInteger(index) && index >= 1 && index <= count
}

/**
 * ① ② … for numbered sub-items, ・ for the bullets some sources use; a bullet does not take
 * a number, so numbered siblings keep counting 1, 2, 3.
 */
export function subItemMarkers(subItems: readonly { bullet?: boolean }[]): string[] {
  let numbered = 0
  return subItems.map((sub) => (sub.bullet ? '・' : circledNumber(++numbered)))
}

/** ①…⑳, ㉑…㊿, then (51) and on: Unicode has circled digits up to 50 only. */
function circledNumber(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1)
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21)
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36)
  return `(${n})`
}
