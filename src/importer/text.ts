/**
 * Character-level clean-up of terms text extracted from PDF or HTML: width normalisation,
 * the spaces extraction tools put between Japanese characters, and re-joining wrapped lines.
 */
import { toHalfWidthDigits } from '../rules/japaneseDate'

const FULL_WIDTH_LETTER = /[Ａ-Ｚａ-ｚ]/g

/** Full-width digits and Latin letters to ASCII (ＰＣ → PC, １３ → 13); everything else unchanged. */
export function toHalfWidthAlphanumerics(text: string): string {
  return toHalfWidthDigits(text).replace(FULL_WIDTH_LETTER, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  )
}

// Kana, ideographs, CJK punctuation, full-width forms and circled numbers: characters that
// Japanese typesetting never separates with a space.
const JAPANESE = /[\u2460-\u24ff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/
// These carry their own spacing, so a space next to one is always an extraction artefact.
const FULL_WIDTH_PUNCTUATION =
  /[\u3001-\u303f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/
const ASCII_DIGIT = /[0-9]/

function isSpuriousSpace(before: string, after: string): boolean {
  if (FULL_WIDTH_PUNCTUATION.test(before) || FULL_WIDTH_PUNCTUATION.test(after)) return true
  const japaneseBefore = JAPANESE.test(before)
  const japaneseAfter = JAPANESE.test(after)
  if (japaneseBefore && japaneseAfter) return true
  // "30 分", "第 13 条": digits are set solid with Japanese; a space next to a Latin word
  // ("WEB カメラ", "Windows ファイアウォール") is often the author's own and is kept.
  return (japaneseBefore && ASCII_DIGIT.test(after)) || (ASCII_DIGIT.test(before) && japaneseAfter)
}

/**
 * Trims, collapses whitespace runs (including U+3000) and drops the ones that only
 * extraction put there: between Japanese characters, beside full-width punctuation,
 * and between digits and Japanese.
 */
export function tidySpacing(text: string): string {
  const trimmed = text.trim()
  return trimmed.replace(/\s+/g, (run, offset: number) => {
    const before = trimmed[offset - 1] ?? ''
    const after = trimmed[offset + run.length] ?? ''
    return isSpuriousSpace(before, after) ? '' : ' '
  })
}

/** Full-width digits and letters to ASCII, then {@link tidySpacing}: the form body text is stored in. */
export function normaliseBodyText(text: string): string {
  return tidySpacing(toHalfWidthAlphanumerics(text))
}

/**
 * Appends a continuation to text. Japanese has no word spaces, so a wrapped line joins
 * directly; the tentative space is kept only where it separates two Latin words.
 */
export function joinText(left: string, right: string): string {
  if (left === '') return right
  if (right === '') return left
  return tidySpacing(`${left} ${right}`)
}

/** Width in half-width columns, the unit a PDF's right margin is measured in. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const halfWidthKatakana = code >= 0xff61 && code <= 0xff9f
    width += code > 0xff && !halfWidthKatakana ? 2 : 1
  }
  return width
}

const SENTENCE_END = /[。．][）)」』】]*$/
const OPEN_CLAUSE = /[、，,（(「『【・]$/

/** Ends with 。 (possibly inside closing brackets): the author ended a sentence here. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trim())
}

/** Ends with a comma or an opening bracket, so the next line must continue it. */
export function endsOpenClause(text: string): boolean {
  return OPEN_CLAUSE.test(text.trim())
}
