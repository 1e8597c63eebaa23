import { describe, expect, it } from 'vitest'
import { type ArticleOutline, linkReferences } from '../../../src/importer/references'

const outlines = new Map<number, ArticleOutline>([
  [1, { key: 'purpose', itemCounts: [0] }],
  [2, { key: 'eligibility', itemCounts: [4, 0] }],
  [12, { key: 'notes', itemCounts: [5] }],
])

describe('linkReferences', () => {
  it('links 第N条, 第N条第M項, 第N条(K) and 第N条第K号 to article keys', () => {
    expect(linkReferences('第1条及び第2条第2項', outlines).inlines).toEqual([
      { ref: { article: 'purpose' } },
      { text: '及び' },
      { ref: { article: 'eligibility', paragraph: 2 } },
    ])
    expect(linkReferences('第十二条(3)に規定', outlines).inlines[0]).toEqual({
      ref: { article: 'notes', item: 3 },
    })
    expect(linkReferences('第2条第1項第4号', outlines).inlines[0]).toEqual({
      ref: { article: 'eligibility', paragraph: 1, item: 4 },
    })
  })

  it('leaves citations of statutes as text', () => {
    for (const text of ['職業安定法第5条の5に基づき', '民法第90条', '同法第2条', '施行規則第3条']) {
      expect(linkReferences(text, outlines)).toEqual({ inlines: [{ text }], unresolved: [] })
    }
  })

  it('reports references to missing articles, paragraphs and items', () => {
    const missing = linkReferences('第15条、第1条第3項、第2条(5)', outlines)
    expect(missing.unresolved.map(({ label }) => label)).toEqual([
      '第15条',
      '第1条第3項',
      '第2条(5)',
    ])
    expect(missing.inlines[0]).toEqual({ ref: { article: 'article-15', label: '第15条' } })
  })
})
