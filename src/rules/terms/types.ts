/**
 * The structured form of a terms document (利用規約), shared by the template,
 * composed editions, the importer and the renderers.
 *
 * Text is a list of inline runs so that cross-references stay structured:
 * a reference names an article by its stable `key`, never by its number, so
 * renumbering articles cannot break it. Numbers are derived from order.
 */

/** A reference to 第N条, 第N条第M項 or 第N条(K). Indices are 1-based. */
export interface ArticleReference {
  article: string
  paragraph?: number
  item?: number
  /**
   * The reference as written in the source (e.g. 第15条), if known. Used only to name the
   * target in messages and previews when no article has the key `article`.
   */
  label?: string
}

/**
 * A condition on the flags of an office's policy, e.g. `channel:self-service`,
 * `!channel:self-service`, `channel:self-service & channels:several`, `a | b`.
 * `&` binds tighter than `|`; there are no parentheses. Content whose condition is false
 * is left out when an edition is composed, so only templates carry conditions.
 */
export type Condition = string

export type Inline = { text: string } | { ref: ArticleReference } | { variable: string }

export interface SubItem {
  text: Inline[]
  when?: Condition
  /** Printed with ・ instead of a number: the source lists it as an unnumbered bullet. */
  bullet?: boolean
}

export interface Item {
  text: Inline[]
  subItems?: SubItem[]
  when?: Condition
  /** Template only: a list variable whose entries become sub-items after `subItems`. */
  subItemsFrom?: string
}

/** A paragraph (項). Items (号) hang under a paragraph; text may be empty when an article is only a list. */
export interface Paragraph {
  text: Inline[]
  items?: Item[]
  when?: Condition
  /** Template only: a list variable whose entries become items after `items`. */
  itemsFrom?: string
}

export interface Article {
  /** Stable identifier, e.g. "purpose", "eligibility", "jurisdiction". Unique within a document. */
  key: string
  heading: string
  paragraphs: Paragraph[]
  when?: Condition
}

export interface TermsDocument {
  title: string
  preamble: Paragraph[]
  articles: Article[]
  /** e.g. 伊勢崎公共職業安定所長 */
  signatory: string
}

/** An article after numbering: what editions store and what renderers print. */
export interface NumberedArticle extends Article {
  number: number
}

export interface ComposedTerms {
  title: string
  preamble: Paragraph[]
  articles: NumberedArticle[]
  signatory: string
}

/**
 * An office's change to the template's articles, applied in order before composing.
 * `add` goes after the article `after`, before the article `before`, or at the end.
 */
export type ArticleOverride =
  | { op: 'add'; article: Article; after?: string; before?: string }
  | { op: 'replace'; article: Article }
  | { op: 'remove'; key: string }
