/**
 * Reads an existing terms document (利用規約) in plain text, as extracted from PDF or HTML,
 * into the structured form of a draft edition. Pure: no I/O, no Payload.
 *
 * Layout heuristics, in the order they matter:
 * - Blank lines carry no meaning (PDF extraction puts one after every line).
 * - A line continues the previous one unless the previous one ended a block: it ends in 。
 *   (possibly inside closing brackets), or it is short (well under the document's usual
 *   line width) and does not end in 、 or an opening bracket. Wrapped lines join without a
 *   space, as Japanese has no word spaces.
 * - Marks are recognised only where the numbering so far allows them: 第N条 must be the next
 *   article (or a later one at a block start), (N) the next item or a new list, ア/イ the next
 *   sub-item. So "第4条の通信…" or "(3)に規定…" at the start of a wrapped line stay text.
 * - A new block of unmarked text after an item joins that item when the item ends in 。
 *   ("なお、…", "キャンセルの場合は…" are part of the item); after an item that ends without
 *   a sentence (a list of names such as "(2) TeleOffice") it starts the article's next
 *   paragraph. After sub-items, unmarked text joins the item (reported, since the item's
 *   text then reads before its sub-items). In an article, a block starting with なお or
 *   ただし continues its paragraph rather than starting a new 項.
 * - Body text is stored with full-width digits and Latin letters in ASCII, and without the
 *   spaces extraction puts between Japanese characters (see tidySpacing).
 */
import { tokyoDateOf } from '../lib/tokyoTime'
import { parseJapaneseDate } from '../rules/japaneseDate'
import { lintTerms, type TermsLintFinding } from '../rules/terms/lintTerms'
import type { Inline, Item, Paragraph, SubItem, TermsDocument } from '../rules/terms/types'
import { assignArticleKeys } from './articleKeys'
import {
  type SubItemStyle,
  parseArticleMark,
  parseBulletMark,
  parseHeadingLine,
  parseItemMark,
  parseParagraphMark,
  parseSubItemMark,
} from './numbering'
import { type ArticleOutline, linkReferences } from './references'
import {
  displayWidth,
  endsOpenClause,
  endsSentence,
  joinText,
  normaliseBodyText,
  toHalfWidthAlphanumerics,
} from './text'

interface DanglingReference {
  /** Key of the article the reference is written in, or "preamble". */
  article: string
  /** The reference as written, e.g. 第13条(3). */
  ref: string
}

export interface ImportResult {
  document: TermsDocument
  /** YYYY-MM-DD from a line that is only a date (令和5年4月1日), or null. */
  effectiveFrom: string | null
  /** Source lines that have no place in the document, for the importing editor to review. */
  unplaced: string[]
  /**
   * References to articles, paragraphs or items that do not exist. They are kept in the
   * document as references carrying the source text as `label`.
   */
  danglingReferences: DanglingReference[]
  warnings: string[]
  /**
   * The terms lint (statute citations on the document's date, or today's without one; defined
   * terms): warnings for the importing editor. Publishing a composed edition refuses them.
   */
  lint: TermsLintFinding[]
}

const PREAMBLE_KEY = 'preamble'

interface SourceLine {
  lineNumber: number
  /** Trimmed, otherwise as in the source. */
  raw: string
  /** Half-width digits and letters, markdown marks removed: what marks are matched against. */
  content: string
  /** Written as a markdown list entry ("- …"). */
  listed: boolean
}

interface DraftSubItem {
  text: string
  bullet: boolean
}

interface DraftItem {
  text: string
  subItems: DraftSubItem[]
  subItemStyle: SubItemStyle | null
  textMovedBeforeSubItems: boolean
}

interface DraftParagraph {
  text: string
  items: DraftItem[]
}

interface DraftArticle {
  number: number
  heading: string
  paragraphs: DraftParagraph[]
}

type Focus = 'paragraph' | 'item' | 'subItem'

const PAGE_FURNITURE =
  /^(?:[-－―‐—–]\s*[0-9０-９]+\s*[-－―‐—–]|[0-9０-９]+\s*[/／]\s*[0-9０-９]+|[0-9０-９]+|[-*_=]{3,})$/
const MARKDOWN_HEADING = /^#{1,6}\s+/
const MARKDOWN_LIST = /^(?:[-*+]\s+)+/
const CLOSING_MARK = /^以\s*上$/
const SUPPLEMENTARY_PROVISIONS = /^[（(]?附\s*則[）)]?$/
const DATE_BODY = '(?:(?:令和|平成|昭和)(?:元|[0-9]{1,2})|[0-9]{4})年[0-9]{1,2}月[0-9]{1,2}日'
const DATE_ONLY = new RegExp(
  `^[（(]?(?:制定|施行|改定|改正|適用)?[:：]?${DATE_BODY}(?:から)?(?:制定|施行|改定|改正|適用|作成)?[）)]?$`,
)
const TAKES_EFFECT = /施行|適用|効力/
const CONNECTIVE = /^(?:なお|ただし|但し)[、，,]/
// 所長, 局長, 理事長: the signatory is an office head, printed alone on the last line.
const SIGNATORY = /長$/
const SIGNATORY_MAX_LENGTH = 40
// A line this much narrower than the document's usual width was ended by the author.
const SHORT_LINE_RATIO = 0.5
// Even in documents with one paragraph per line, a line this wide is never a deliberate end
// of a non-sentence such as a list entry.
const SHORT_LINE_MAX_COLUMNS = 40

function readLines(text: string, warnings: string[]): SourceLine[] {
  const lines: SourceLine[] = []
  const furniture: number[] = []
  text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, index) => {
      const raw = line.trim()
      if (raw === '') return
      if (PAGE_FURNITURE.test(raw)) {
        furniture.push(index + 1)
        return
      }
      const halfWidth = toHalfWidthAlphanumerics(raw).replace(/\*\*/g, '')
      const unheaded = halfWidth.replace(MARKDOWN_HEADING, '')
      const content = unheaded.replace(MARKDOWN_LIST, '').trim()
      if (content === '') {
        furniture.push(index + 1)
        return
      }
      lines.push({ lineNumber: index + 1, raw, content, listed: content !== unheaded.trim() })
    })
  if (furniture.length > 0) {
    warnings.push(`skipped page numbers or rules on line(s) ${furniture.join(', ')}`)
  }
  return lines
}

function dateOfLine(content: string): string | null {
  const compact = content.replace(/\s+/g, '')
  return DATE_ONLY.test(compact) ? parseJapaneseDate(compact) : null
}

function isSignatoryLine(line: SourceLine): boolean {
  const content = line.content.replace(/\s+/g, '')
  return (
    SIGNATORY.test(content) &&
    content.length <= SIGNATORY_MAX_LENGTH &&
    !/[。、，．]/.test(content) &&
    !startsWithMark(line.content)
  )
}

function startsWithMark(content: string): boolean {
  return (
    parseArticleMark(content) !== null ||
    parseItemMark(content) !== null ||
    parseSubItemMark(content) !== null ||
    parseBulletMark(content) !== null
  )
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!
}

function newItem(text: string): DraftItem {
  return { text, subItems: [], subItemStyle: null, textMovedBeforeSubItems: false }
}

class TermsTextParser {
  readonly preamble: DraftParagraph[] = []
  readonly articles: DraftArticle[] = []
  readonly unplaced: string[] = []
  readonly dates: { date: string; lineNumber: number }[] = []
  private pendingHeading: { heading: string; line: SourceLine } | null = null
  private focus: Focus = 'paragraph'
  private previous: SourceLine | null = null
  private inSupplementaryProvisions = false
  private readonly shortLineColumns: number

  constructor(
    lines: SourceLine[],
    private readonly warnings: string[],
  ) {
    const usualWidth = percentile(
      lines.map((line) => displayWidth(line.raw)),
      0.9,
    )
    this.shortLineColumns = Math.min(usualWidth * SHORT_LINE_RATIO, SHORT_LINE_MAX_COLUMNS)
  }

  read(lines: SourceLine[]): void {
    lines.forEach((line, index) => {
      this.readLine(line, lines[index + 1], this.endsBlock(this.previous))
      this.previous = line
    })
    if (this.pendingHeading) {
      this.unplace(this.pendingHeading.line, 'a heading with no article after it')
    }
  }

  private endsBlock(line: SourceLine | null): boolean {
    if (!line) return true
    if (endsSentence(line.content)) return true
    if (endsOpenClause(line.content)) return false
    return displayWidth(line.raw) < this.shortLineColumns
  }

  private readLine(line: SourceLine, next: SourceLine | undefined, blockStart: boolean): void {
    const content = line.content
    if (this.inSupplementaryProvisions) {
      if (TAKES_EFFECT.test(content)) this.noteDate(parseJapaneseDate(content), line)
      this.unplace(line, 'supplementary provisions (附則) have no place in the document')
      return
    }
    if (blockStart) {
      const date = dateOfLine(content)
      if (date) {
        this.noteDate(date, line)
        return
      }
    }
    if (this.articles.length > 0 && SUPPLEMENTARY_PROVISIONS.test(content)) {
      this.inSupplementaryProvisions = true
      this.unplace(line, 'supplementary provisions (附則) have no place in the document')
      return
    }
    if (this.readArticle(line, blockStart)) return
    const heading = parseHeadingLine(content)
    if (heading !== null && this.readHeading(heading, line, next)) return
    this.readBody(line, blockStart)
  }

  /** Everything below the article level; also used for the text after 第N条 on its line. */
  private readBody(line: SourceLine, blockStart: boolean): void {
    const content = line.content
    if (this.readParagraphMark(content, blockStart)) return
    if (this.readItem(content, line, blockStart)) return
    if (this.readSubItem(content, line, blockStart)) return
    if (this.readBullet(content, line, blockStart)) return
    this.readText(normaliseBodyText(content), blockStart)
  }

  private noteDate(date: string | null, line: SourceLine): void {
    if (date) this.dates.push({ date, lineNumber: line.lineNumber })
  }

  unplace(line: SourceLine, why: string): void {
    this.unplaced.push(line.raw)
    this.warnings.push(`line ${line.lineNumber} not placed (${why}): ${line.raw}`)
  }

  private get currentArticle(): DraftArticle | undefined {
    return this.articles[this.articles.length - 1]
  }

  private get paragraphs(): DraftParagraph[] {
    return this.currentArticle?.paragraphs ?? this.preamble
  }

  private get where(): string {
    const article = this.currentArticle
    return article ? `第${article.number}条` : 'the preamble'
  }

  private readArticle(line: SourceLine, blockStart: boolean): boolean {
    const mark = parseArticleMark(line.content)
    if (!mark) return false
    const expected = (this.currentArticle?.number ?? 0) + 1
    if (mark.number !== expected) {
      if (mark.number < expected || !blockStart) return false
      this.warnings.push(`line ${line.lineNumber}: 第${mark.number}条 follows 第${expected - 1}条`)
    }
    let heading = mark.heading ?? ''
    if (this.pendingHeading) {
      if (heading === '') heading = this.pendingHeading.heading
      else this.unplace(this.pendingHeading.line, `第${mark.number}条 has its own heading`)
      this.pendingHeading = null
    }
    this.articles.push({
      number: mark.number,
      heading,
      paragraphs: [{ text: '', items: [] }],
    })
    this.focus = 'paragraph'
    if (mark.rest !== '') this.readBody({ ...line, content: mark.rest, listed: false }, true)
    return true
  }

  /** A heading goes with the article below it, or, written after a bare 第N条, with that one. */
  private readHeading(heading: string, line: SourceLine, next: SourceLine | undefined): boolean {
    const nextArticle = next ? parseArticleMark(next.content) : null
    if (nextArticle && nextArticle.number > (this.currentArticle?.number ?? 0)) {
      if (this.pendingHeading) this.unplace(this.pendingHeading.line, 'two headings in a row')
      this.pendingHeading = { heading, line }
      return true
    }
    const article = this.currentArticle
    const untouched =
      article?.paragraphs.length === 1 &&
      article.paragraphs[0]!.text === '' &&
      article.paragraphs[0]!.items.length === 0
    if (article && article.heading === '' && untouched) {
      article.heading = heading
      return true
    }
    return false
  }

  private readParagraphMark(content: string, blockStart: boolean): boolean {
    const article = this.currentArticle
    const mark = parseParagraphMark(content)
    if (!article || !mark || !blockStart || mark.number !== article.paragraphs.length + 1) {
      return false
    }
    this.startParagraph(normaliseBodyText(mark.rest))
    return true
  }

  private startParagraph(text: string): DraftParagraph {
    const paragraph = { text, items: [] }
    this.paragraphs.push(paragraph)
    this.focus = 'paragraph'
    return paragraph
  }

  private readItem(content: string, line: SourceLine, blockStart: boolean): boolean {
    const mark = parseItemMark(content)
    if (!mark) return false
    const kanji = !/^[（(]/.test(content)
    let paragraph = this.paragraphs[this.paragraphs.length - 1]
    const expected = (paragraph?.items.length ?? 0) + 1
    if (mark.number !== expected) {
      if (kanji) return false
      if (mark.number === 1) {
        paragraph = undefined
        this.warnings.push(`line ${line.lineNumber}: a new list (1) in ${this.where}`)
      } else if (blockStart) {
        this.warnings.push(
          `line ${line.lineNumber}: item (${mark.number}) where (${expected}) was expected in ${this.where}`,
        )
      } else {
        return false
      }
    }
    paragraph ??= this.startParagraph('')
    paragraph.items.push(newItem(normaliseBodyText(mark.rest)))
    this.focus = 'item'
    return true
  }

  private get currentItem(): DraftItem | undefined {
    if (this.focus === 'paragraph') return undefined
    const items = this.paragraphs[this.paragraphs.length - 1]?.items ?? []
    return items[items.length - 1]
  }

  private readSubItem(content: string, line: SourceLine, blockStart: boolean): boolean {
    const mark = parseSubItemMark(content)
    if (!mark) return false
    const item = this.currentItem
    if (!item) {
      if (mark.style !== 'circled' || !blockStart) return false
      // Circled numbers straight under a paragraph are that paragraph's list.
      this.warnings.push(
        `line ${line.lineNumber}: ${mark.label} with no item above, read as an item`,
      )
      const paragraph = this.paragraphs[this.paragraphs.length - 1] ?? this.startParagraph('')
      paragraph.items.push(newItem(normaliseBodyText(mark.rest)))
      this.focus = 'item'
      return true
    }
    const expected = item.subItems.filter((subItem) => !subItem.bullet).length + 1
    const style =
      item.subItemStyle ??
      (mark.ordinals.circled !== undefined
        ? 'circled'
        : mark.ordinals.aiueo === 1
          ? 'aiueo'
          : 'iroha')
    const ordinal = mark.ordinals[style]
    if (ordinal !== expected) {
      if (mark.style !== 'circled' || style !== 'circled' || !blockStart) return false
      this.warnings.push(
        `line ${line.lineNumber}: ${mark.label} where sub-item ${expected} was expected in ${this.where}`,
      )
    }
    item.subItemStyle = style
    item.subItems.push({ text: normaliseBodyText(mark.rest), bullet: false })
    this.focus = 'subItem'
    return true
  }

  private readBullet(content: string, line: SourceLine, blockStart: boolean): boolean {
    const text = parseBulletMark(content) ?? (line.listed ? content : null)
    if (text === null || !(blockStart || line.listed)) return false
    const item = this.currentItem
    if (item) {
      item.subItems.push({ text: normaliseBodyText(text), bullet: true })
      this.focus = 'subItem'
      return true
    }
    // A bulleted list directly under a paragraph has no unnumbered form in the structure, so
    // each entry stays a paragraph that keeps its bullet.
    this.warnings.push(`line ${line.lineNumber}: bullet outside an item kept as a paragraph`)
    this.startParagraph(`・${normaliseBodyText(text)}`)
    return true
  }

  private readText(text: string, blockStart: boolean): void {
    const paragraph = this.paragraphs[this.paragraphs.length - 1]
    if (!paragraph) {
      this.startParagraph(text)
      return
    }
    const item = this.currentItem
    const subItem = this.focus === 'subItem' ? item?.subItems[item.subItems.length - 1] : undefined
    const target = subItem ?? item ?? paragraph
    if (target.text === '' || !blockStart) {
      target.text = joinText(target.text, text)
      return
    }
    if (subItem && item) {
      item.text = joinText(item.text, text)
      if (!item.textMovedBeforeSubItems) {
        this.warnings.push(
          `${this.where}: text after the sub-items of an item was added to the item's own text, which is printed before them`,
        )
      }
      item.textMovedBeforeSubItems = true
      this.focus = 'item'
      return
    }
    if (item) {
      if (endsSentence(item.text)) item.text = joinText(item.text, text)
      else this.startParagraph(text)
      return
    }
    if (this.currentArticle && CONNECTIVE.test(text)) {
      paragraph.text = joinText(paragraph.text, text)
      return
    }
    this.startParagraph(text)
  }
}

interface ClosingLines {
  signatory: string
  /** Index of the first line of the closing block. */
  start: number
}

/**
 * The block under the last article: a date, the signatory (the last line ending in 長),
 * 以上. Other short lines just above the signatory (a bureau name, say) are unplaced.
 */
function readClosingLines(
  lines: SourceLine[],
  parser: TermsTextParser,
  firstBodyLine: number,
): ClosingLines {
  let signatory = ''
  let start = lines.length
  for (let index = lines.length - 1; index >= firstBodyLine; index--) {
    const line = lines[index]!
    const date = dateOfLine(line.content)
    if (date) {
      parser.dates.push({ date, lineNumber: line.lineNumber })
    } else if (CLOSING_MARK.test(line.content)) {
      // 以上 only marks the end.
    } else if (signatory === '' && isSignatoryLine(line)) {
      signatory = line.raw
    } else if (signatory !== '' && isNameLine(line, lines[index - 1])) {
      parser.unplace(line, 'a line beside the signatory')
    } else {
      break
    }
    start = index
  }
  return { signatory, start }
}

function isNameLine(line: SourceLine, above: SourceLine | undefined): boolean {
  const content = line.content
  return (
    content.length <= SIGNATORY_MAX_LENGTH &&
    !/[。、，．]/.test(content) &&
    !startsWithMark(content) &&
    parseHeadingLine(content) === null &&
    (above === undefined || endsSentence(above.content) || isSignatoryLine(above))
  )
}

function toInlines(
  text: string,
  outlines: Map<number, ArticleOutline>,
  where: string,
  dangling: DanglingReference[],
  warnings: string[],
): Inline[] {
  const linked = linkReferences(text, outlines)
  for (const { label, reason } of linked.unresolved) {
    dangling.push({ article: where, ref: label })
    warnings.push(`${where}: reference ${label} is dangling (${reason})`)
  }
  return linked.inlines
}

function buildParagraphs(
  paragraphs: DraftParagraph[],
  link: (text: string) => Inline[],
): Paragraph[] {
  return paragraphs.map((draft) => {
    const paragraph: Paragraph = { text: link(draft.text) }
    if (draft.items.length > 0) {
      paragraph.items = draft.items.map((draftItem) => {
        const item: Item = { text: link(draftItem.text) }
        if (draftItem.subItems.length > 0) {
          item.subItems = draftItem.subItems.map((draftSubItem) => {
            const subItem: SubItem = { text: link(draftSubItem.text) }
            if (draftSubItem.bullet) subItem.bullet = true
            return subItem
          })
        }
        return item
      })
    }
    return paragraph
  })
}

function chooseEffectiveDate(
  dates: { date: string; lineNumber: number }[],
  warnings: string[],
): string | null {
  const distinct = [...new Set(dates.map(({ date }) => date))].sort()
  const latest = distinct[distinct.length - 1] ?? null
  if (distinct.length > 1) {
    warnings.push(
      `several dates (${distinct.join(', ')}); the latest, ${latest}, is taken as effective`,
    )
  }
  return latest
}

/** Reads a terms document in text form. Never throws on odd input: it reports instead. */
export function parseTermsText(text: string): ImportResult {
  const warnings: string[] = []
  const lines = readLines(text, warnings)
  const parser = new TermsTextParser(lines, warnings)

  let firstBodyLine = 0
  while (lines[firstBodyLine] && dateOfLine(lines[firstBodyLine]!.content)) {
    const line = lines[firstBodyLine]!
    parser.dates.push({ date: dateOfLine(line.content)!, lineNumber: line.lineNumber })
    firstBodyLine++
  }
  let title = ''
  const titleLine = lines[firstBodyLine]
  const next = lines[firstBodyLine + 1]
  const startsWithArticles =
    titleLine !== undefined &&
    (parseArticleMark(titleLine.content) !== null ||
      (parseHeadingLine(titleLine.content) !== null &&
        next !== undefined &&
        parseArticleMark(next.content) !== null))
  if (titleLine && !startsWithArticles) {
    title = titleLine.raw.replace(MARKDOWN_HEADING, '').trim()
    firstBodyLine++
  } else {
    warnings.push('no title line before the first article')
  }

  const closing = readClosingLines(lines, parser, firstBodyLine)
  parser.read(lines.slice(firstBodyLine, closing.start))

  if (parser.articles.length === 0) warnings.push('no articles (第1条, 第2条, …) found')
  if (closing.signatory === '') warnings.push('no signatory line (…所長) after the last article')

  const keys = assignArticleKeys(parser.articles)
  const outlines = new Map<number, ArticleOutline>()
  parser.articles.forEach((article, index) => {
    if (outlines.has(article.number)) return
    outlines.set(article.number, {
      key: keys[index]!,
      itemCounts: article.paragraphs.map((paragraph) => paragraph.items.length),
    })
  })

  const danglingReferences: DanglingReference[] = []
  const linkIn = (where: string) => (text: string) =>
    toInlines(text, outlines, where, danglingReferences, warnings)

  const preamble = buildParagraphs(parser.preamble, linkIn(PREAMBLE_KEY))
  const articles = parser.articles.map((article, index) => {
    const key = keys[index]!
    if (article.heading === '') warnings.push(`第${article.number}条 has no heading`)
    return {
      key,
      heading: article.heading,
      paragraphs: buildParagraphs(article.paragraphs, linkIn(key)),
    }
  })

  const document = { title, preamble, articles, signatory: closing.signatory }
  const effectiveFrom = chooseEffectiveDate(parser.dates, warnings)
  return {
    document,
    effectiveFrom,
    unplaced: parser.unplaced,
    danglingReferences,
    warnings,
    lint: lintTerms(document, effectiveFrom ?? tokyoDateOf(new Date())),
  }
}
