import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

import { parseTermsText } from '../../../src/importer/parseTermsText'
import { parseJapaneseDate } from '../../../src/rules/japaneseDate'
import { composeTerms } from '../../../src/rules/terms'
import { extractDefinedTerms } from '../../../src/rules/terms/checkDefinedTerms'
import { documentPassages } from '../../../src/rules/terms/documentText'
import { lintTerms } from '../../../src/rules/terms/lintTerms'
import type { Paragraph } from '../../../src/rules/terms/types'
import { demoPolicies } from '../../../src/seed/policies'
import { hqTemplate, kitakyushuOverrides } from '../../../src/seed/template'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const seedsDir = path.resolve(repoRoot, '../shared/seeds')
function readSeed(prefix: string): string | null {
  if (!existsSync(seedsDir)) return null
  const name = readdirSync(seedsDir).find((file) => file.startsWith(prefix))
  return name ? readFileSync(path.join(seedsDir, name), 'utf8') : null
}
const seed000 = readSeed('000_')
const seed001 = readSeed('001_')

/** A document of our own wording, one paragraph per article. */
function doc(...articles: string[]) {
  const para = (text: string): Paragraph => ({ text: [{ text }] })
  return {
    preamble: [
      para(
        '伊勢崎の窓口（以下「当所」といいます。）は、相談サービス等（通信による相談をいう。以下同じ。）を行います。',
      ),
    ],
    articles: articles.map((text, index) => ({
      key: `a${index + 1}`,
      heading: `見出し${index + 1}`,
      paragraphs: [para(text)],
    })),
  }
}
const codes = (found: { code: string }[]) => found.map((f) => f.code)

describe('parseJapaneseDate', () => {
  it('reads era and western dates', () => {
    expect(parseJapaneseDate('令和5年4月1日')).toBe('2023-04-01')
    expect(parseJapaneseDate('令和元年5月1日')).toBe('2019-05-01')
    expect(parseJapaneseDate('平成31年4月30日')).toBe('2019-04-30')
    expect(parseJapaneseDate('令和５年 ４月 １日')).toBe('2023-04-01')
    expect(parseJapaneseDate('2023年4月1日')).toBe('2023-04-01')
  })
  it('rejects dates the era never had', () => {
    expect(parseJapaneseDate('令和元年4月30日')).toBeNull()
    expect(parseJapaneseDate('平成32年1月1日')).toBeNull()
    expect(parseJapaneseDate('平成31年5月1日')).toBeNull()
    expect(parseJapaneseDate('昭和64年1月8日')).toBeNull()
    expect(parseJapaneseDate('平成元年1月7日')).toBeNull()
    expect(parseJapaneseDate('令和0年5月1日')).toBeNull()
  })
})

describe('statute citations', () => {
  const privacy = (article: string) =>
    doc(
      `相談サービス等の利用者の個人情報は、職業安定法第${article}に基づき保護されます。当所が守ります。`,
    )
  it('flags 第5条の4 for personal information from 2022-10-01, not before', () => {
    expect(codes(lintTerms(privacy('5条の4'), '2023-04-01'))).toEqual(['statute_citation_stale'])
    expect(lintTerms(privacy('5条の4'), '2023-04-01')[0]!.message).toContain('第5条の5')
    expect(lintTerms(privacy('5条の4'), '2022-09-30')).toEqual([])
    expect(lintTerms(privacy('5条の5'), '2022-10-01')).toEqual([])
    expect(lintTerms(privacy('５条の５'), '2024-01-01')).toEqual([])
  })
  it('flags a citation the table does not know, or not on that date', () => {
    expect(codes(lintTerms(privacy('5条の5'), '2022-09-30'))).toEqual(['statute_citation_unknown'])
    expect(codes(lintTerms(privacy('99条'), '2024-01-01'))).toEqual(['statute_citation_unknown'])
    expect(lintTerms(privacy('五条の五'), '2024-01-01')).toEqual([])
  })
})

describe('defined terms', () => {
  it('extracts both forms of definition', () => {
    expect(
      extractDefinedTerms(documentPassages(doc('当所の相談サービス等。'))).map((d) => d.term),
    ).toEqual(['当所', '相談サービス等'])
  })
  it('flags a near variant, a use before the definition and a term never used', () => {
    expect(
      codes(lintTerms(doc('当所の相談サービス等。', '相談サーバス等は無料です。'), '2024-01-01')),
    ).toEqual(['term_undefined_variant'])
    const early = {
      ...doc('当所の相談サービス等。利用者（以下「利用者」という。）は守ります。'),
      preamble: [
        {
          text: [
            {
              text: '利用者は、伊勢崎の窓口（以下「当所」といいます。）の相談サービス等（通信による相談をいう。以下同じ。）を使えます。',
            },
          ],
        },
      ],
    }
    expect(codes(lintTerms(early, '2024-01-01'))).toEqual([
      'term_used_before_definition',
      'term_never_used',
    ])
    expect(codes(lintTerms(doc('当所が行います。'), '2024-01-01'))).toEqual(['term_never_used'])
  })
})

describe('the demo editions', () => {
  it('compose without a lint finding', () => {
    for (const [office, policy, overrides] of [
      [
        { name: 'マザーズハローワーク北九州', signatoryTitle: '小倉公共職業安定所長' },
        demoPolicies['kitakyushu-mothers'],
        kitakyushuOverrides,
      ],
      [
        { name: 'ハローワーク伊勢崎', signatoryTitle: '伊勢崎公共職業安定所長' },
        demoPolicies.isesaki,
        [],
      ],
    ] as const) {
      const composed = composeTerms({
        template: hqTemplate,
        office,
        policy,
        overrides: [...overrides],
      })
      expect(lintTerms(composed, '2026-12-01')).toEqual([])
    }
  })
})

describe('on the seeds', () => {
  it.skipIf(seed001 === null)(
    'seed 001: the stale 第5条の4 and the undefined オンライン職業紹介等',
    () => {
      const parsed = parseTermsText(seed001!)
      const found = lintTerms(parsed.document, parsed.effectiveFrom!)
      expect(codes(found)).toEqual(['statute_citation_stale', 'term_undefined_variant'])
      expect(found[0]!.message).toContain('職業安定法第5条の4')
      expect(found[1]!.message).toContain('オンライン職業紹介等')
    },
  )
  it.skipIf(seed000 === null)('seed 000: nothing', () => {
    const parsed = parseTermsText(seed000!)
    expect(lintTerms(parsed.document, parsed.effectiveFrom ?? '2026-12-01')).toEqual([])
  })
})
