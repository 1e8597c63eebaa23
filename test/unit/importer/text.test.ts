import { describe, expect, it } from 'vitest'
import {
  displayWidth,
  endsOpenClause,
  endsSentence,
  joinText,
  normaliseBodyText,
  tidySpacing,
  toHalfWidthAlphanumerics,
} from '../../../src/importer/text'

describe('tidySpacing', () => {
  it('removes spaces between Japanese characters and beside full-width punctuation', () => {
    expect(tidySpacing('オン ライン　職業 相談')).toBe('オンライン職業相談')
    expect(tidySpacing('（ WEB 登録 ）、 Share 等')).toBe('（WEB 登録）、Share 等')
  })

  it('sets digits solid with Japanese but keeps Latin words apart', () => {
    expect(tidySpacing('第 13 条 と 30 分')).toBe('第13条と30分')
    expect(tidySpacing('WEB カメラ と Windows  Update')).toBe('WEB カメラと Windows Update')
  })
})

describe('joining wrapped lines', () => {
  it('joins Japanese directly and Latin words with a space', () => {
    expect(joinText('オンライン職業相', '談等予約機能')).toBe('オンライン職業相談等予約機能')
    expect(joinText('ハロ ', ' ーワーク')).toBe('ハローワーク')
    expect(joinText('Windows', 'Update')).toBe('Windows Update')
    expect(joinText('', '本文')).toBe('本文')
  })

  it('normalises full-width digits and letters in body text', () => {
    expect(toHalfWidthAlphanumerics('ＰＣ等、第１３条')).toBe('PC等、第13条')
    expect(normaliseBodyText(' １回当たり ３０ 分 ')).toBe('1回当たり30分')
  })

  it('tells sentence ends and open clauses apart', () => {
    expect(endsSentence('禁止する。）')).toBe(true)
    expect(endsSentence('希望する')).toBe(false)
    expect(endsOpenClause('場合は、')).toBe(true)
    expect(endsOpenClause('必要事項（')).toBe(true)
    expect(displayWidth('WEB カメラ')).toBe(4 + 6)
  })
})
