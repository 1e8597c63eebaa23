import type { TextPassage } from './documentText'
import type { TermsLintFinding } from './lintTypes'

export interface DefinedTerm {
  term: string
  /** Offset of the definition in the joined text. */
  at: number
  /** The span of the definition marker itself, which is not a use. */
  span: [number, number]
  where: string
  label: string
}

// （以下「当所」といいます。） / （以下「利用者」という。） / （以下この仕組みを「予約機能」といいます。）
const ABBREVIATION = /以下(?:[^「」。]{1,20}を)?「([^「」]{1,30})」と(?:いいます|いう)/gu
// オンライン職業相談等（WEBカメラを含む…サービスをいう。以下同じ。）: the term is the run of
// letters right before the parenthesis.
const DEFINITION_CLAUSE =
  /([\p{Script=Han}\p{Script=Katakana}ー々A-Za-z]{2,30})（[^（）]*?をい(?:う|います)。以下同じ。）/gu

interface Joined {
  text: string
  passageAt: (offset: number) => TextPassage
}

function join(passages: readonly TextPassage[]): Joined {
  const starts: number[] = []
  let text = ''
  for (const passage of passages) {
    starts.push(text.length)
    text += `${passage.text}\n`
  }
  return {
    text,
    passageAt: (offset) => {
      let index = 0
      while (index + 1 < starts.length && starts[index + 1]! <= offset) index++
      return passages[index]!
    },
  }
}

/** The terms a document defines, in order, from both ways Japanese terms define them. */
export function extractDefinedTerms(passages: readonly TextPassage[]): DefinedTerm[] {
  const { text, passageAt } = join(passages)
  const terms: DefinedTerm[] = []
  for (const match of text.matchAll(ABBREVIATION)) {
    const passage = passageAt(match.index)
    terms.push({
      term: match[1]!,
      at: match.index,
      span: [match.index, match.index + match[0].length],
      where: passage.where,
      label: passage.label,
    })
  }
  for (const match of text.matchAll(DEFINITION_CLAUSE)) {
    const passage = passageAt(match.index)
    const term = match[1]!
    terms.push({
      term,
      at: match.index,
      span: [match.index + term.length, match.index + match[0].length],
      where: passage.where,
      label: passage.label,
    })
  }
  const seen = new Set<string>()
  return terms
    .sort((a, b) => a.at - b.at)
    .filter((t) => (seen.has(t.term) ? false : (seen.add(t.term), true)))
}

function occurrences(text: string, term: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) found.push(at)
  return found
}

/** Same length, same first and last character, at most two characters differing between. */
function nearVariant(candidate: string, term: string): boolean {
  if (candidate === term || candidate.length !== term.length || term.length < 5) return false
  if (candidate[0] !== term[0] || candidate.at(-1) !== term.at(-1)) return false
  let differing = 0
  for (let i = 1; i < term.length - 1; i++) if (candidate[i] !== term[i]) differing++
  return differing <= 2 && differing * 3 <= term.length
}

const WORD_CHAR = /[\p{Script=Han}\p{Script=Katakana}ー々A-Za-z]/u

/**
 * What a careful reader of defined terms catches: a term written almost like a defined one
 * (オンライン職業紹介等 beside オンライン職業相談等), a term used before its definition, and a term
 * defined and never used.
 */
export function checkDefinedTerms(passages: readonly TextPassage[]): TermsLintFinding[] {
  const { text, passageAt } = join(passages)
  const defined = extractDefinedTerms(passages)
  const findings: TermsLintFinding[] = []
  const inSomeSpan = (offset: number) =>
    defined.some(({ span: [from, to] }) => offset >= from && offset < to)

  for (const definition of defined) {
    const uses = occurrences(text, definition.term).filter((at) => !inSomeSpan(at))
    const early = uses.find((at) => at < definition.at)
    if (early !== undefined) {
      const passage = passageAt(early)
      findings.push({
        code: 'term_used_before_definition',
        where: passage.where,
        message: `${passage.label}で「${definition.term}」が、${definition.label}の定義より前に使われています。`,
      })
    }
    const later = uses.filter((at) => at > definition.at)
    if (later.length === 0) {
      findings.push({
        code: 'term_never_used',
        where: definition.where,
        message: `${definition.label}で定義した「${definition.term}」は、ほかの箇所で使われていません。`,
      })
    }
  }

  const reported = new Set<string>()
  for (const definition of defined) {
    const length = definition.term.length
    for (let at = 0; at + length <= text.length; at++) {
      const candidate = text.slice(at, at + length)
      if (!nearVariant(candidate, definition.term)) continue
      // A whole word: not part of a longer run of letters on the left.
      if (at > 0 && WORD_CHAR.test(text[at - 1]!) && !/[のはがをにでと]/u.test(text[at - 1]!))
        continue
      if (defined.some((d) => d.term === candidate) || reported.has(candidate)) continue
      reported.add(candidate)
      const passage = passageAt(at)
      findings.push({
        code: 'term_undefined_variant',
        where: passage.where,
        message: `${passage.label}の「${candidate}」は定義されていません。定義した「${definition.term}」の誤りではありませんか。`,
      })
    }
  }
  return findings
}
