import type { Inline, Paragraph, TermsDocument } from '../../../src/rules/terms/types'

/** Inline runs as one string, references shown as {ref:key/paragraph/item}. */
export function plain(inlines: Inline[]): string {
  return inlines
    .map((inline) => {
      if ('text' in inline) return inline.text
      if ('ref' in inline) {
        const { article, paragraph, item } = inline.ref
        return `{ref:${[article, paragraph ?? '', item ?? ''].join('/')}}`
      }
      return `{var:${inline.variable}}`
    })
    .join('')
}

/** Every text run of a document: preamble, paragraphs, items, sub-items. */
function allTexts(document: TermsDocument): string[] {
  const fromParagraphs = (paragraphs: Paragraph[]) =>
    paragraphs.flatMap((paragraph) => [
      plain(paragraph.text),
      ...(paragraph.items ?? []).flatMap((item) => [
        plain(item.text),
        ...(item.subItems ?? []).map((subItem) => plain(subItem.text)),
      ]),
    ])
  return [
    ...fromParagraphs(document.preamble),
    ...document.articles.flatMap((article) => fromParagraphs(article.paragraphs)),
  ]
}

const JAPANESE_SPACE_JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]\s+[\u3040-\u30ff\u4e00-\u9fff]/

/** Texts that still show extraction damage: line breaks, spaces inside Japanese, full-width digits. */
export function artefacts(document: TermsDocument): string[] {
  return allTexts(document).filter(
    (text) => /[\n\r]/.test(text) || JAPANESE_SPACE_JAPANESE.test(text) || /[０-９]/.test(text),
  )
}
