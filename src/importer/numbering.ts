/**
 * The numbering marks of Japanese terms: 第N条 (Arabic or kanji), items (1) （１） (4）,
 * paragraph numbers ２, sub-items ① or ア/イ (or イ/ロ/ハ), bullets ・.
 * Everything here is syntax only; whether a mark really starts a new unit depends on the
 * numbering seen so far and is decided by the parser.
 * Input lines are expected to have full-width digits converted already.
 */
import { tidySpacing } from './text'

const KANJI_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

export const KANJI_NUMERAL = '[〇零一二三四五六七八九十百]+'

/** 十二 → 12, 二十 → 20, 百五 → 105, 一〇 → 10 (positional). Null if not a kanji numeral. */
export function parseKanjiNumeral(text: string): number | null {
  if (!new RegExp(`^${KANJI_NUMERAL}$`).test(text)) return null
  if (!/[十百]/.test(text)) {
    let positional = 0
    for (const char of text) positional = positional * 10 + (KANJI_DIGIT[char] ?? 0)
    return positional
  }
  let total = 0
  let pending: number | null = null
  for (const char of text) {
    const digit = KANJI_DIGIT[char]
    if (digit !== undefined) {
      if (pending !== null) return null
      pending = digit
    } else {
      total += (pending ?? 1) * (char === '百' ? 100 : 10)
      pending = null
    }
  }
  return total + (pending ?? 0)
}

/** "13", " 13 ", "十三" → 13. */
export function parseNumeral(text: string): number | null {
  const compact = text.replace(/\s+/g, '')
  if (/^[0-9]+$/.test(compact)) return Number(compact)
  return parseKanjiNumeral(compact)
}

export interface ArticleMark {
  number: number
  /** The heading written on the same line, e.g. 第1条（目的）. */
  heading: string | null
  /** What follows the number (and heading), untrimmed of nothing but outer spaces. */
  rest: string
}

const ARTICLE_LINE = new RegExp(`^第\\s*([0-9]+|${KANJI_NUMERAL})\\s*条(.*)$`)
const HEADING_IN_PARENS = /^[（(]([^（）()0-9]{1,30})[）)](.*)$/

/**
 * A heading line such as （目的） or (利用環境): a short parenthesised phrase, no digits
 * (so never an item mark), no sentence end (so never a parenthesised remark).
 */
export function parseHeadingLine(line: string): string | null {
  const match = HEADING_IN_PARENS.exec(line.trim())
  if (!match || match[2]!.trim() !== '') return null
  const heading = tidySpacing(match[1]!)
  return heading === '' || /[。、]/.test(heading) ? null : heading
}

/**
 * 第N条 at the start of a line, alone or followed by a space or a heading in parentheses.
 * "第4条の通信に使用する…" or "第13条(3)に規定する…" at the start of a wrapped line are text.
 */
export function parseArticleMark(line: string): ArticleMark | null {
  const match = ARTICLE_LINE.exec(line.trim())
  if (!match) return null
  const number = parseNumeral(match[1]!)
  const after = match[2]!
  if (number === null || number === 0) return null
  if (after.trim() === '') return { number, heading: null, rest: '' }
  const headed = HEADING_IN_PARENS.exec(after.trim())
  if (headed) {
    const heading = parseHeadingLine(`（${headed[1]}）`)
    if (heading) return { number, heading, rest: headed[2]!.trim() }
  }
  if (/^\s/.test(after)) return { number, heading: null, rest: after.trim() }
  return null
}

export interface NumberedMark {
  number: number
  rest: string
}

const ITEM_IN_PARENS = /^[（(]\s*([0-9]+)\s*[）)]\s*(.*)$/
// Statute style 号: 一 text. The space is required so that 一般… is never taken for an item.
const ITEM_IN_KANJI = new RegExp(`^(${KANJI_NUMERAL})[\\s]+(\\S.*)$`)

/** (1) （１） (4） or, statute style, 一. */
export function parseItemMark(line: string): NumberedMark | null {
  const trimmed = line.trim()
  const parenthesised = ITEM_IN_PARENS.exec(trimmed)
  if (parenthesised) return { number: Number(parenthesised[1]), rest: parenthesised[2]!.trim() }
  const kanji = ITEM_IN_KANJI.exec(trimmed)
  if (kanji) {
    const number = parseKanjiNumeral(kanji[1]!)
    if (number !== null && number > 0) return { number, rest: kanji[2]!.trim() }
  }
  return null
}

const PARAGRAPH_NUMBER = /^([0-9]{1,2})\s+(\S.*)$/

/** A paragraph (項) number at the start of a line: "2 利用者は…". Paragraph 1 is never numbered. */
export function parseParagraphMark(line: string): NumberedMark | null {
  const match = PARAGRAPH_NUMBER.exec(line.trim())
  if (!match) return null
  const number = Number(match[1])
  return number >= 2 ? { number, rest: match[2]!.trim() } : null
}

export type SubItemStyle = 'circled' | 'aiueo' | 'iroha'

export interface SubItemMark {
  style: SubItemStyle
  /** The katakana letter or circled number as written. */
  label: string
  /** 1-based position in its sequence; for イ it is 2 in ア-order and 1 in イロハ-order. */
  ordinals: Partial<Record<SubItemStyle, number>>
  rest: string
}

const CIRCLED = /^([\u2460-\u2473])\s*(.*)$/
const KATAKANA_ORDER: Record<'aiueo' | 'iroha', string> = {
  aiueo: 'アイウエオカキクケコサシスセソタチツテト',
  iroha: 'イロハニホヘトチリヌルヲワカヨタレソツネ',
}
// The letter alone is ambiguous with text (アプリ…, イン…), so it needs brackets or a
// separator after it.
const KATAKANA_BRACKETED = /^[（(]([ア-ヲ])[）)]\s*(.*)$/
const KATAKANA_SEPARATED = /^([ア-ヲ])(?:\s+|[.．]\s*)(\S.*)$/

export function parseSubItemMark(line: string): SubItemMark | null {
  const trimmed = line.trim()
  const circled = CIRCLED.exec(trimmed)
  if (circled) {
    const ordinal = circled[1]!.charCodeAt(0) - 0x2460 + 1
    return {
      style: 'circled',
      label: circled[1]!,
      ordinals: { circled: ordinal },
      rest: circled[2]!.trim(),
    }
  }
  const katakana = KATAKANA_BRACKETED.exec(trimmed) ?? KATAKANA_SEPARATED.exec(trimmed)
  if (!katakana) return null
  const letter = katakana[1]!
  const ordinals: SubItemMark['ordinals'] = {}
  const aiueo = KATAKANA_ORDER.aiueo.indexOf(letter)
  const iroha = KATAKANA_ORDER.iroha.indexOf(letter)
  if (aiueo >= 0) ordinals.aiueo = aiueo + 1
  if (iroha >= 0) ordinals.iroha = iroha + 1
  if (aiueo < 0 && iroha < 0) return null
  return {
    style: aiueo >= 0 ? 'aiueo' : 'iroha',
    label: letter,
    ordinals,
    rest: katakana[2]!.trim(),
  }
}

const BULLET = /^[・•●○◦▪■□◆◇]\s*(\S.*)$/

/** A bullet line: ・ text. Returns the text without the bullet. */
export function parseBulletMark(line: string): string | null {
  const match = BULLET.exec(line.trim())
  return match ? match[1]!.trim() : null
}
