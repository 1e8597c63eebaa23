import { describe, expect, it } from 'vitest'
import {
  composeTerms,
  evaluateCondition,
  renderTermsText,
  TermsCompositionError,
  type ArticleOverride,
  type ComposedTerms,
  type Inline,
} from '../../../src/rules/terms'
import {
  office,
  smallTemplate,
  staffOnlyPolicy,
  t,
  twoChannelPolicy,
  v,
  weekdayWindows,
} from './fixtures'

function text(terms: ComposedTerms): string {
  return renderTermsText(terms, { effectiveFrom: '2024-04-01' })
}

function refsIn(terms: ComposedTerms): Inline[] {
  return terms.articles
    .flatMap((a) =>
      a.paragraphs.flatMap((p) => [
        ...p.text,
        ...(p.items ?? []).flatMap((i) => [
          ...i.text,
          ...(i.subItems ?? []).flatMap((s) => s.text),
        ]),
      ]),
    )
    .filter((run) => 'ref' in run)
}

describe('composeTerms', () => {
  it('fills variables from the office and policy and numbers articles in order', () => {
    const terms = composeTerms({ template: smallTemplate(), office, policy: twoChannelPolicy() })
    expect(terms.title).toBe('ハローワーク架空 オンライン相談利用規約')
    expect(terms.signatory).toBe('架空公共職業安定所長')
    expect(terms.articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5])
    const printed = text(terms)
    expect(printed).toContain('第1条 ハローワーク架空のオンライン相談について定めます。')
    expect(printed).toContain('(1) 相談時間は平日9:30～12:00、13:00～16:30、1回30分です。')
    expect(printed).toContain('紛争は福岡地方裁判所の管轄とします。')
    expect(JSON.stringify(terms)).not.toContain('"variable"')
  })

  it('changes the terms when the policy changes', () => {
    const before = text(
      composeTerms({ template: smallTemplate(), office, policy: twoChannelPolicy() }),
    )
    const after = text(
      composeTerms({
        template: smallTemplate(),
        office,
        policy: twoChannelPolicy({
          court: '東京地方裁判所',
          windows: weekdayWindows(['10:00', '15:00']),
          sessionMinutes: 60,
        }),
      }),
    )
    expect(before).not.toEqual(after)
    expect(after).toContain('東京地方裁判所')
    expect(after).not.toContain('福岡地方裁判所')
    expect(after).toContain('相談時間は平日10:00～15:00、1回60分です。')
  })

  it('leaves out content whose condition the policy does not meet', () => {
    const both = composeTerms({ template: smallTemplate(), office, policy: twoChannelPolicy() })
    const staff = composeTerms({ template: smallTemplate(), office, policy: staffOnlyPolicy() })
    expect(both.articles[1]!.paragraphs[0]!.items).toHaveLength(4)
    expect(staff.articles[1]!.paragraphs[0]!.items).toHaveLength(3)
    expect(text(staff)).not.toContain('リンク')
    expect(text(staff)).toContain('(3) 連絡なく15分を過ぎた予約は取り消します。')
    expect(JSON.stringify(staff)).not.toContain('"when"')
  })

  it('throws one error naming every unknown variable', () => {
    const template = smallTemplate()
    template.articles[0]!.paragraphs[0]!.text.push(v('officeNmae'), v('courtName'))
    expect(() => composeTerms({ template, office, policy: twoChannelPolicy() })).toThrowError(
      /officeNmae[\s\S]*courtName/,
    )
    try {
      composeTerms({ template, office, policy: twoChannelPolicy() })
    } catch (error) {
      expect(error).toBeInstanceOf(TermsCompositionError)
      expect((error as TermsCompositionError).problems).toHaveLength(2)
      expect((error as TermsCompositionError).problems[0]).toContain('第1条（目的）')
    }
  })

  it('rejects a variable that only exists for a channel the office does not offer', () => {
    const template = smallTemplate()
    template.articles[1]!.paragraphs[0]!.items![1]!.when = undefined
    expect(() => composeTerms({ template, office, policy: staffOnlyPolicy() })).toThrowError(
      /selfServiceConfirm/,
    )
  })

  it('rejects an unknown flag in a condition', () => {
    const template = smallTemplate()
    template.articles[0]!.paragraphs[0]!.when = 'channel:walk-in'
    expect(() => composeTerms({ template, office, policy: twoChannelPolicy() })).toThrowError(
      /channel:walk-in/,
    )
  })

  it('expands list variables into items and sub-items', () => {
    const template = smallTemplate()
    template.articles[0]!.paragraphs.push({
      text: [t('次の方が利用できます。')],
      itemsFrom: 'eligibility',
      items: [{ text: [t('最初の条件')], subItemsFrom: 'staffScheduledFields' }],
    })
    const terms = composeTerms({ template, office, policy: staffOnlyPolicy() })
    const printed = text(terms)
    expect(printed).toContain('2 次の方が利用できます。\n(1) 最初の条件\n  ① 氏名\n  ② 求職番号')
    expect(printed).toContain('(2) 求職の申込みを済ませていること')
  })

  describe('overrides', () => {
    const article = (key: string, heading: string) => ({
      key,
      heading,
      paragraphs: [{ text: [t(`${heading}について定めます。`)] }],
    })

    it('adds an article after a given one and renumbers the rest', () => {
      const overrides: ArticleOverride[] = [
        { op: 'add', after: 'booking', article: article('booking-site', '予約サイト') },
      ]
      const terms = composeTerms({
        template: smallTemplate(),
        office,
        policy: twoChannelPolicy(),
        overrides,
      })
      expect(terms.articles.map((a) => `${a.number}:${a.key}`)).toEqual([
        '1:purpose',
        '2:booking',
        '3:booking-site',
        '4:records',
        '5:notes',
        '6:jurisdiction',
      ])
      expect(text(terms)).toContain(
        '第6条 紛争は福岡地方裁判所の管轄とします。第5条(3)も参照してください。',
      )
    })

    it('adds at the end, or before a given article', () => {
      const terms = composeTerms({
        template: smallTemplate(),
        office,
        policy: twoChannelPolicy(),
        overrides: [
          { op: 'add', article: article('last', '最後') },
          { op: 'add', before: 'purpose', article: article('first', '最初') },
        ],
      })
      expect(terms.articles.map((a) => a.key)).toEqual([
        'first',
        'purpose',
        'booking',
        'records',
        'notes',
        'jurisdiction',
        'last',
      ])
    })

    it('replaces an article in place', () => {
      const terms = composeTerms({
        template: smallTemplate(),
        office,
        policy: twoChannelPolicy(),
        overrides: [{ op: 'replace', article: article('records', '記録') }],
      })
      expect(terms.articles[2]).toMatchObject({ key: 'records', number: 3, heading: '記録' })
      expect(text(terms)).toContain('（記録）\n第3条 記録について定めます。')
    })

    it('removes an article and renumbers references: 第4条(3) becomes 第3条(3)', () => {
      const full = text(
        composeTerms({ template: smallTemplate(), office, policy: twoChannelPolicy() }),
      )
      expect(full).toContain('第4条(3)も参照してください。')
      const terms = composeTerms({
        template: smallTemplate(),
        office,
        policy: twoChannelPolicy(),
        overrides: [{ op: 'remove', key: 'records' }],
      })
      expect(terms.articles.map((a) => a.number)).toEqual([1, 2, 3, 4])
      const printed = text(terms)
      expect(printed).toContain(
        '第4条 紛争は福岡地方裁判所の管轄とします。第3条(3)も参照してください。',
      )
      expect(printed).not.toContain('利用の記録')
      // The stored reference keeps naming the article by key, not by number.
      expect(refsIn(terms)).toContainEqual({ ref: { article: 'notes', item: 3 } })
    })

    it('rejects overrides that name articles that are not there', () => {
      const bad: ArticleOverride[][] = [
        [{ op: 'remove', key: 'nope' }],
        [{ op: 'replace', article: article('nope', '無') }],
        [{ op: 'add', after: 'nope', article: article('x', 'x') }],
        [{ op: 'add', article: article('records', '重複') }],
      ]
      for (const overrides of bad) {
        expect(() =>
          composeTerms({
            template: smallTemplate(),
            office,
            policy: twoChannelPolicy(),
            overrides,
          }),
        ).toThrowError(TermsCompositionError)
      }
    })
  })

  describe('references into conditional content', () => {
    it('follow items when earlier ones are left out', () => {
      const template = smallTemplate()
      // Refers to the no-show item, which is (4) as authored and (3) without self-service.
      template.articles[0]!.paragraphs[0]!.text.push({ ref: { article: 'booking', item: 4 } })
      const both = composeTerms({ template, office, policy: twoChannelPolicy() })
      const staff = composeTerms({ template, office, policy: staffOnlyPolicy() })
      expect(text(both)).toContain('定めます。第2条(4)')
      expect(text(staff)).toContain('定めます。第2条(3)')
    })

    it('are an error when they point at content the policy leaves out', () => {
      const template = smallTemplate()
      template.articles[0]!.paragraphs[0]!.text.push({ ref: { article: 'booking', item: 2 } })
      expect(() => composeTerms({ template, office, policy: staffOnlyPolicy() })).toThrowError(
        /第1条（目的）が参照する「booking」\(2\)は、この事務所の予約方針では表示されない箇所です/,
      )
    })

    it('keep a reference to an unknown article as it is, for the publish check', () => {
      const template = smallTemplate()
      template.articles[0]!.paragraphs[0]!.text.push({ ref: { article: 'ghost', item: 1 } })
      const terms = composeTerms({ template, office, policy: twoChannelPolicy() })
      expect(refsIn(terms)).toContainEqual({ ref: { article: 'ghost', item: 1 } })
    })
  })
})

describe('evaluateCondition', () => {
  const flags = { a: 'true', b: 'false', c: 'true' }

  it('supports negation, & and |', () => {
    expect(evaluateCondition(undefined, flags)).toBe(true)
    expect(evaluateCondition('a', flags)).toBe(true)
    expect(evaluateCondition('!a', flags)).toBe(false)
    expect(evaluateCondition('a & b', flags)).toBe(false)
    expect(evaluateCondition('a & !b', flags)).toBe(true)
    expect(evaluateCondition('b | c', flags)).toBe(true)
    expect(evaluateCondition('b | a & b', flags)).toBe(false)
  })

  it('reports every unknown flag', () => {
    const unknown: string[] = []
    evaluateCondition('x | a & y', flags, (name) => unknown.push(name))
    expect(unknown).toEqual(['x', 'y'])
  })
})
