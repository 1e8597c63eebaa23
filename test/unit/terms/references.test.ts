import { describe, expect, it } from 'vitest'
import {
  composeTerms,
  findDanglingReferences,
  formatReference,
  type TermsDocument,
} from '../../../src/rules/terms'
import { office, smallTemplate, t, twoChannelPolicy } from './fixtures'

describe('formatReference', () => {
  const terms = composeTerms({ template: smallTemplate(), office, policy: twoChannelPolicy() })

  it('prints article, paragraph and item forms', () => {
    expect(formatReference({ article: 'notes' }, terms.articles)).toBe('第4条')
    expect(formatReference({ article: 'notes', item: 3 }, terms.articles)).toBe('第4条(3)')
    expect(formatReference({ article: 'records', paragraph: 2 }, terms.articles)).toBe('第3条第2項')
    expect(formatReference({ article: 'records', paragraph: 1, item: 2 }, terms.articles)).toBe(
      '第3条第1項(2)',
    )
  })

  it('numbers an uncomposed document by position', () => {
    const template = smallTemplate()
    expect(formatReference({ article: 'jurisdiction' }, template.articles)).toBe('第5条')
  })

  it('prints a missing article as written, or by key', () => {
    expect(formatReference({ article: 'article-15', label: '第15条' }, terms.articles)).toBe(
      '第15条',
    )
    expect(formatReference({ article: 'ghost' }, terms.articles)).toContain('ghost')
  })
})

describe('findDanglingReferences', () => {
  it('finds none in a consistent edition', () => {
    const terms = composeTerms({ template: smallTemplate(), office, policy: twoChannelPolicy() })
    expect(findDanglingReferences(terms)).toEqual([])
  })

  it('reports a missing article where it is cited, with the label from the source', () => {
    const document: TermsDocument = smallTemplate()
    document.articles[2]!.paragraphs[1]!.text.push({
      ref: { article: 'article-15', label: '第15条' },
    })
    const found = findDanglingReferences(document)
    expect(found).toHaveLength(1)
    expect(found[0]!.at).toBe('第3条第2項')
    expect(found[0]!.message).toBe('第3条第2項が参照する第15条は存在しません')
  })

  it('reports a missing article without a label by its key', () => {
    const document = smallTemplate()
    document.articles[0]!.paragraphs[0]!.text.push({ ref: { article: 'ghost' } })
    expect(findDanglingReferences(document)[0]!.message).toBe(
      '第1条が参照する条（キー「ghost」）は存在しません',
    )
  })

  it('reports a missing item or paragraph of an existing article', () => {
    const document = smallTemplate()
    document.articles[0]!.paragraphs[0]!.text.push(
      { ref: { article: 'notes', item: 7 } },
      t('、'),
      { ref: { article: 'records', paragraph: 3 } },
      t('、'),
      { ref: { article: 'records', item: 1 } },
    )
    const messages = findDanglingReferences(document).map((d) => d.message)
    expect(messages).toEqual([
      '第1条が参照する第4条(7)は存在しません（第4条は(3)までです）',
      '第1条が参照する第3条第3項は存在しません（第3条は2項までです）',
      '第1条が参照する第3条(1)は存在しません（第3条は号がありません）',
    ])
  })

  it('finds references in the preamble, items and sub-items', () => {
    const document = smallTemplate()
    document.preamble.push({ text: [{ ref: { article: 'gone' } }] })
    document.articles[3]!.paragraphs[0]!.items![2]!.subItems![1]!.text.push({
      ref: { article: 'gone' },
    })
    const at = findDanglingReferences(document).map((d) => d.at)
    expect(at).toEqual(['前文第2段落', '第4条(3)②'])
  })

  it('blocks an edition whose override removed a referenced article', () => {
    const terms = composeTerms({
      template: smallTemplate(),
      office,
      policy: twoChannelPolicy(),
      overrides: [{ op: 'remove', key: 'notes' }],
    })
    const found = findDanglingReferences(terms)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ at: '第4条', ref: { article: 'notes', item: 3 } })
  })
})
