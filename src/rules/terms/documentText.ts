import { renderInlineText } from './render'
import type { Article, NumberedArticle, Paragraph } from './types'

/** A run of a document's running text, with where it stands. */
export interface TextPassage {
  /** "preamble" or the article's key. */
  where: string
  /** 前文 or 第N条（heading）, for messages. */
  label: string
  text: string
}

interface DocumentLike {
  preamble: readonly Paragraph[]
  articles: readonly (Article | NumberedArticle)[]
}

/**
 * The preamble and the articles as plain text, in reading order: paragraphs, items and sub-items
 * each a passage. The title and the signatory are names, not running text, so they are left out.
 */
export function documentPassages(document: DocumentLike): TextPassage[] {
  const passages: TextPassage[] = []
  const add = (where: string, label: string, paragraphs: readonly Paragraph[]) => {
    for (const paragraph of paragraphs) {
      passages.push({ where, label, text: renderInlineText(paragraph.text, document.articles) })
      for (const item of paragraph.items ?? []) {
        passages.push({ where, label, text: renderInlineText(item.text, document.articles) })
        for (const sub of item.subItems ?? []) {
          passages.push({ where, label, text: renderInlineText(sub.text, document.articles) })
        }
      }
    }
  }
  add('preamble', '前文', document.preamble)
  document.articles.forEach((article, index) => {
    add(article.key, `第${index + 1}条（${article.heading}）`, article.paragraphs)
  })
  return passages
}
