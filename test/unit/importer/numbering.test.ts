import { describe, expect, it } from 'vitest'
import {
  parseArticleMark,
  parseBulletMark,
  parseHeadingLine,
  parseItemMark,
  parseKanjiNumeral,
  parseNumeral,
  parseParagraphMark,
  parseSubItemMark,
} from '../../../src/importer/numbering'

describe('numerals', () => {
  it('reads kanji numerals as written in article numbers', () => {
    expect(parseKanjiNumeral('一')).toBe(1)
    expect(parseKanjiNumeral('十')).toBe(10)
    expect(parseKanjiNumeral('十二')).toBe(12)
    expect(parseKanjiNumeral('二十')).toBe(20)
    expect(parseKanjiNumeral('二十三')).toBe(23)
    expect(parseKanjiNumeral('百五')).toBe(105)
    expect(parseKanjiNumeral('一〇')).toBe(10)
    expect(parseKanjiNumeral('12')).toBeNull()
    expect(parseNumeral(' 13 ')).toBe(13)
  })
})

describe('article marks', () => {
  it('accepts the number alone, with text after a space, or with a heading', () => {
    expect(parseArticleMark('第 10 条 利用者が')).toEqual({
      number: 10,
      heading: null,
      rest: '利用者が',
    })
    expect(parseArticleMark('第6条')).toEqual({ number: 6, heading: null, rest: '' })
    expect(parseArticleMark('第十二条（目的）この規約は')).toEqual({
      number: 12,
      heading: '目的',
      rest: 'この規約は',
    })
    expect(parseArticleMark('第1条 (目 的)')).toEqual({ number: 1, heading: '目的', rest: '' })
  })

  it('rejects references at the start of a wrapped line', () => {
    expect(parseArticleMark('第4条の通信に使用するアプリケーション')).toBeNull()
    expect(parseArticleMark('第13条(3)に規定する措置')).toBeNull()
    expect(parseArticleMark('第一審の専属的合意管轄裁判所')).toBeNull()
  })

  it('reads heading lines but not items or remarks in brackets', () => {
    expect(parseHeadingLine('（利用の記録等）')).toBe('利用の記録等')
    expect(parseHeadingLine('(利用環境)')).toBe('利用環境')
    expect(parseHeadingLine('(1)')).toBeNull()
    expect(parseHeadingLine('（有償版相当に限ります。）')).toBeNull()
  })
})

describe('item, paragraph and sub-item marks', () => {
  it('reads items in any bracket combination and statute-style kanji items', () => {
    expect(parseItemMark('(4）パーソナル')).toEqual({ number: 4, rest: 'パーソナル' })
    expect(parseItemMark('（ 2 ）TeleOffice')).toEqual({ number: 2, rest: 'TeleOffice' })
    expect(parseItemMark('三　その他')).toEqual({ number: 3, rest: 'その他' })
    expect(parseItemMark('一般の利用者')).toBeNull()
    expect(parseParagraphMark('2 前項の規定')).toEqual({ number: 2, rest: '前項の規定' })
    expect(parseParagraphMark('1 前項')).toBeNull()
  })

  it('reads circled and katakana sub-items, and bullets', () => {
    expect(parseSubItemMark('③ 連絡先')).toMatchObject({
      style: 'circled',
      ordinals: { circled: 3 },
    })
    expect(parseSubItemMark('イ 氏名')).toMatchObject({
      ordinals: { aiueo: 2, iroha: 1 },
      rest: '氏名',
    })
    expect(parseSubItemMark('（ウ）送信')).toMatchObject({ style: 'aiueo', ordinals: { aiueo: 3 } })
    expect(parseSubItemMark('アプリケーション')).toBeNull()
    expect(parseBulletMark('・ OS は')).toBe('OS は')
    expect(parseBulletMark('通信機器・通信料')).toBeNull()
  })
})
