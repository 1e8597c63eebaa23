import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseTermsText } from '../../../src/importer/parseTermsText'

// Fragments of the marks and text the importer meets, shuffled into arbitrary documents.
const fragment = fc.constantFrom(
  '',
  ' ',
  '利用規約',
  '（目的）',
  '(利用環境)',
  '第1条',
  '第２条 利用者は、',
  '第十二条（対象者）本文。',
  '(1) 項目',
  '（２）ＷＥＢ カメラ',
  '① 氏名',
  'ア 希望日',
  '・ 注意事項。',
  '- (3) 一覧',
  'なお、補足します。',
  '第13条(3)に規定する措置',
  '職業安定法第5条の5',
  '令和5年4月1日',
  '附則',
  '- 2 -',
  '伊勢崎公共職業安定所長',
)

describe('parseTermsText on arbitrary arrangements', () => {
  it('never throws and always returns unique article keys', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (lines) => {
        const result = parseTermsText(lines.join('\n'))
        const keys = result.document.articles.map((article) => article.key)
        expect(new Set(keys).size).toBe(keys.length)
        for (const { article } of result.danglingReferences) {
          expect([...keys, 'preamble']).toContain(article)
        }
      }),
      { numRuns: 300 },
    )
  })
})
