import { describe, expect, it } from 'vitest'

import { composeTerms, type ArticleOverride, type ComposedTerms } from '../../../src/rules/terms'
import { demoPolicies } from '../../../src/seed/policies'
import { hqTemplate } from '../../../src/seed/template'
import {
  editionPublishProblems,
  noticePublishProblems,
  noticeWarnings,
  type EditionPublishInput,
} from '../../../src/services/terms/publishChecks'

const office = { name: 'ハローワーク伊勢崎', signatoryTitle: '伊勢崎公共職業安定所長' }
const compose = (overrides: ArticleOverride[] = []): ComposedTerms =>
  composeTerms({ template: hqTemplate, office, policy: demoPolicies.isesaki, overrides })

const base = (over: Partial<EditionPublishInput> = {}): EditionPublishInput => ({
  number: 2,
  effectiveFrom: '2027-03-01',
  content: compose(),
  today: '2027-01-01',
  allowPast: false,
  published: [{ number: 1, effectiveFrom: '2025-04-01' }],
  notice: { ground: '2', status: 'published', publishedOn: '2027-01-01', reasons: 'r' },
  minimumNoticeDays: 30,
  composed: true,
  ...over,
})
const codes = (input: EditionPublishInput) => editionPublishProblems(input).map((p) => p.code)

describe('notice periods', () => {
  it('counts from when both the notice and the edition are public', () => {
    // Notice public 2026-12-01, edition published on 2027-02-10: 19 days, not 90.
    const late = base({
      today: '2027-02-10',
      notice: { ground: '2', status: 'published', publishedOn: '2026-12-01', reasons: 'r' },
    })
    expect(codes(late)).toEqual(['notice_too_late'])
    expect(editionPublishProblems(late)[0]!.message).toContain('本部の定める周知期間は30日')
    expect(codes(base({ today: '2027-01-30' }))).toEqual([])
  })

  it('asks a ground-1 change for notice before its effective date, with reasons', () => {
    const sameDay = base({
      effectiveFrom: '2027-01-01',
      notice: { ground: '1', status: 'published', publishedOn: '2027-01-01', reasons: 'r' },
    })
    expect(codes(sameDay)).toEqual(['notice_too_late'])
    expect(codes({ ...sameDay, effectiveFrom: '2027-01-02' })).toEqual([])
    expect(
      noticePublishProblems({
        ground: '1',
        reasons: ' ',
        effectiveFrom: '2027-01-02',
        publishedOn: '2027-01-01',
        minimumNoticeDays: 30,
      }).map((p) => p.code),
    ).toEqual(['reasons_required'])
  })

  it('asks a ground-2 change for each factor of 民法548条の4第1項第2号, naming those missing', () => {
    const problems = noticePublishProblems({
      ground: '2',
      reasons: 'free text is not enough',
      reasonFactors: { necessity: 'n', changeClause: 'c' },
      effectiveFrom: '2027-03-01',
      publishedOn: '2027-01-01',
      minimumNoticeDays: 30,
    })
    expect(problems.map((p) => p.code)).toEqual(['reason_factors_missing'])
    expect(problems[0]!.message).toContain('変更後の内容の相当性、利用者の不利益の程度と緩和措置')
    expect(
      noticePublishProblems({
        ground: '2',
        reasonFactors: {
          necessity: 'n',
          appropriateness: 'a',
          changeClause: 'c',
          disadvantage: 'd',
        },
        effectiveFrom: '2027-03-01',
        publishedOn: '2027-01-01',
        minimumNoticeDays: 30,
      }),
    ).toEqual([])
  })
})

describe('articles that must stay', () => {
  it('refuses terms without the change clause, court, privacy or no-show rules, naming them', () => {
    const content = compose([
      { op: 'remove', key: 'changes' },
      { op: 'remove', key: 'jurisdiction' },
    ])
    const problems = editionPublishProblems(base({ content }))
    expect(problems.map((p) => p.code)).toEqual(['required_article_missing'])
    expect(problems[0]!.message).toContain('規約の変更に関する条項')
    expect(problems[0]!.message).toContain('準拠法')
    expect(problems[0]!.message).toContain('合意管轄裁判所')
    expect(problems[0]!.message).not.toContain('個人情報')
  })
})

describe('the terms lint on publishing', () => {
  const stale = compose([
    {
      op: 'replace',
      article: {
        key: 'privacy',
        heading: '個人情報保護',
        paragraphs: [
          {
            text: [{ text: '当所は、利用者の個人情報を職業安定法第5条の4に従って取り扱います。' }],
          },
        ],
      },
    },
  ])
  it('is an error on a composed edition', () => {
    expect(codes(base({ content: stale }))).toEqual(['statute_citation_stale'])
  })
  it('is left to the importer’s warnings for an imported text', () => {
    expect(codes(base({ content: stale, composed: false }))).toEqual([])
  })
})

describe('an office’s first edition', () => {
  const first = (over: Partial<EditionPublishInput>) =>
    codes(base({ number: 1, published: [], notice: null, ...over }))
  it('is a change when the office already had terms, unless it imports them', () => {
    expect(first({ officeHadTerms: true })).toEqual(['notice_missing'])
    expect(first({ officeHadTerms: true, composed: false })).toEqual([])
    expect(first({ officeHadTerms: false })).toEqual([])
  })
})

describe('warning when the terms in force have no change clause', () => {
  const withoutChangeClause = (): ComposedTerms => {
    const terms = compose()
    const clause = terms.articles.findIndex(
      (a) =>
        JSON.stringify(a).includes('変更') &&
        /(承諾|同意)/.test(JSON.stringify(a)) &&
        /(周知|告知|通知)/.test(JSON.stringify(a)),
    )
    expect(clause).toBeGreaterThanOrEqual(0)
    return { ...terms, articles: terms.articles.filter((_, i) => i !== clause) }
  }
  it('warns a ground-2 change whose terms in force lack the change clause', () => {
    expect(
      noticeWarnings({ ground: '2', termsInForce: withoutChangeClause() }).map((w) => w.code),
    ).toEqual(['no_change_clause_in_force'])
    expect(
      noticeWarnings({ ground: '2', termsInForce: withoutChangeClause() })[0]!.message,
    ).toContain('民法548条の4第1項第2号')
  })
  it('says nothing when the clause is there, on ground 1, or with no terms in force', () => {
    expect(noticeWarnings({ ground: '2', termsInForce: compose() })).toEqual([])
    expect(noticeWarnings({ ground: '1', termsInForce: withoutChangeClause() })).toEqual([])
    expect(noticeWarnings({ ground: '2', termsInForce: null })).toEqual([])
  })
})
