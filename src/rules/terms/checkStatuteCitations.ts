import { formatEraDate } from '../../lib/tokyoTime'
import type { TextPassage } from './documentText'
import { STATUTE_ARTICLES, TOPIC_WORDS, type CitationTopic } from './statuteTable'
import type { TermsLintFinding } from './lintTypes'

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
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

/** 五百四十八 → 548; digits pass through. Statutes write article numbers in kanji. */
function numeral(text: string): string {
  if (/^\d+$/.test(text)) return String(Number(text))
  let total = 0
  let current = 0
  for (const char of text) {
    if (char === '百') {
      total += (current || 1) * 100
      current = 0
    } else if (char === '十') {
      total += (current || 1) * 10
      current = 0
    } else current = KANJI_DIGITS[char] ?? 0
  }
  return String(total + current)
}

const NUM = '[0-9０-９]+|[〇一二三四五六七八九十百]+'
const CITATION = new RegExp(`([\\p{Script=Han}ー]{1,20}?法)(?:第)?(${NUM})条(?:の(${NUM}))?`, 'gu')

const halfWidth = (text: string) =>
  text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

function topicsOf(sentence: string): CitationTopic[] {
  return (Object.keys(TOPIC_WORDS) as CitationTopic[]).filter((topic) =>
    TOPIC_WORDS[topic].some((word) => sentence.includes(word)),
  )
}

const inForce = (from: string | null, until: string | null, date: string) =>
  (from === null || from <= date) && (until === null || date <= until)

/**
 * Statute citations checked against STATUTE_ARTICLES on the terms' date: a citation whose article
 * had another subject then (the sentence names the subject it means), and a citation the table
 * does not know. Citations of the terms' own articles carry no statute name and are not read here.
 */
export function checkStatuteCitations(
  passages: readonly TextPassage[],
  asOf: string,
): TermsLintFinding[] {
  const findings: TermsLintFinding[] = []
  for (const passage of passages) {
    const text = halfWidth(passage.text)
    for (const match of text.matchAll(CITATION)) {
      const statute = match[1]!.replace(/^.*?(民法|[\p{Script=Han}ー]*?法)$/u, '$1')
      const known = STATUTE_ARTICLES.filter((row) => statute.endsWith(row.statute))
      if (known.length === 0) continue
      const name = known[0]!.statute
      const article = `${numeral(match[2]!)}条${match[3] ? `の${numeral(match[3])}` : ''}`
      const cited = `${name}第${article}`
      const rows = known.filter((row) => row.article === article)
      const current = rows.find((row) => inForce(row.from, row.until, asOf))
      const sentenceEnd = text.indexOf('。', match.index)
      const sentence = text.slice(
        text.lastIndexOf('。', match.index) + 1,
        sentenceEnd < 0 ? undefined : sentenceEnd,
      )
      if (!current) {
        findings.push({
          code: 'statute_citation_unknown',
          where: passage.where,
          message: `${passage.label}の「${cited}」は、${formatEraDate(asOf)}時点の条文の一覧にありません。条番号を確認してください。`,
        })
        continue
      }
      const meant = topicsOf(sentence).filter((topic) => topic !== current.topic)
      if (meant.length === 0 || topicsOf(sentence).includes(current.topic)) continue
      const right = STATUTE_ARTICLES.find(
        (row) =>
          row.statute === name && row.topic === meant[0] && inForce(row.from, row.until, asOf),
      )
      const earlier = rows.find((row) => row.topic === meant[0])
      findings.push({
        code: 'statute_citation_stale',
        where: passage.where,
        message:
          `${passage.label}の「${cited}」は、${formatEraDate(asOf)}時点では「${current.subject}」の規定です` +
          (earlier?.until
            ? `（${formatEraDate(earlier.until)}までは「${earlier.subject}」の規定でした）`
            : '') +
          (right ? `。${right.subject}は${name}第${right.article}です。` : '。'),
      })
    }
  }
  return findings
}
