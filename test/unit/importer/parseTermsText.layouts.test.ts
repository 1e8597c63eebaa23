import { describe, expect, it } from 'vitest'
import { parseTermsText } from '../../../src/importer/parseTermsText'
import { artefacts, plain } from './documentText'

// Invented terms in the layouts the importer meets, each short enough to check in full.

describe('statute layout: kanji numbers, headings on the number line, 一/ア lists, 項 numbers', () => {
  const text = [
    'さくら市公共職業安定所 窓口予約利用規約',
    '',
    '第一条（目的）　この規約は、窓口予約の利用について必要な事項を定める。',
    '第二条（対象者）　窓口予約を利用できる者は、次の各号のいずれかに該当する者とする。',
    '一　求職の申込みをしている者',
    '二　次のいずれかの書類を持参できる者',
    '　ア　本人確認書類',
    '　イ　雇用保険受給資格者証',
    '　ウ　マイナンバーカード',
    '三　その他所長が認める者',
    '２　前項の規定にかかわらず、第四条第２項に該当する者は利用できない。',
    '第三条',
    '（利用料）',
    '窓口予約の利用料は無料とする。',
    '第四条（予約の取消し）　利用者は、予約日の前日までに予約を取り消すことができる。',
    '２　無断で予約を取り消した者は、第二条の規定にかかわらず、当面の間利用できない。',
    '第五条（本規約の変更）　所長は、必要に応じて本規約を変更できる。変更の手続は第十二条による。',
    '',
    '平成31年4月30日制定',
    '令和元年5月1日改正',
    'さくら公共職業安定所長',
  ].join('\n')
  const result = parseTermsText(text)
  const { articles } = result.document

  it('reads kanji article numbers and headings written after them', () => {
    expect(result.document.title).toBe('さくら市公共職業安定所 窓口予約利用規約')
    expect(articles.map((article) => [article.key, article.heading])).toEqual([
      ['purpose', '目的'],
      ['eligibility', '対象者'],
      ['fee', '利用料'],
      ['article-4', '予約の取消し'],
      ['changes', '本規約の変更'],
    ])
    expect(result.unplaced).toEqual([])
  })

  it('reads 一 二 三 as items, ア イ ウ as sub-items and ２ as the second paragraph', () => {
    const eligibility = articles[1]!
    expect(eligibility.paragraphs).toHaveLength(2)
    const items = eligibility.paragraphs[0]!.items!
    expect(items.map((item) => plain(item.text))).toEqual([
      '求職の申込みをしている者',
      '次のいずれかの書類を持参できる者',
      'その他所長が認める者',
    ])
    expect(items[1]!.subItems!.map((subItem) => plain(subItem.text))).toEqual([
      '本人確認書類',
      '雇用保険受給資格者証',
      'マイナンバーカード',
    ])
    expect(plain(eligibility.paragraphs[1]!.text)).toBe(
      '前項の規定にかかわらず、{ref:article-4/2/}に該当する者は利用できない。',
    )
    expect(articles[3]!.paragraphs).toHaveLength(2)
    expect(plain(articles[3]!.paragraphs[1]!.text)).toContain('{ref:eligibility//}の規定')
  })

  it('takes the later of 平成31年4月30日 and 令和元年5月1日 as the effective date', () => {
    expect(result.effectiveFrom).toBe('2019-05-01')
    expect(result.warnings.some((warning) => warning.includes('2019-04-30'))).toBe(true)
    expect(result.document.signatory).toBe('さくら公共職業安定所長')
  })

  it('lists 第十二条 as dangling and keeps it as a labelled reference', () => {
    expect(result.danglingReferences).toEqual([{ article: 'changes', ref: '第十二条' }])
    expect(articles[4]!.paragraphs[0]!.text).toContainEqual({
      ref: { article: 'article-12', label: '第十二条' },
    })
  })
})

describe('PDF layout: full-width everything, wrapped lines, spaces inside words', () => {
  const text = [
    '　　オンライン職業相談 利用規約　',
    '（目　的）',
    '第１条　当所は、求職者の 利便の 向上の ため、オンライン による職業相談の',
    '機会を提供します。',
    '（対 象 者）',
    '第２条　オンライン職業相談を利用できるのは、次の全ての条件を満たす方です。',
    '（１）　当所に求職登録を完了している方（ＷＥＢ 登録の方を含みま ',
    'す。）',
    '（２）　ＷＥＢ カメラ付きの端末（ＰＣ、タブレット等）を所有し、第３条の',
    '環境を用意できる方',
    '（利用環境）',
    '第３条　利用者は、最新の ＯＳ を用い、Ｗｉｎｄｏｗｓ ファイアウォール等',
    'を有効にした端末でオンライン職業相談を利用することとします。',
    '（利用申込み等）',
    '第４条',
    '（１）　相談は１回当たり ３０ 分とし、前日までに予約を確定した方が利用で',
    'きます。',
    '（２）　電話で申し込む場合は、次の事項をお伝えください。',
    '①　氏名',
    '②　求 職 番 号',
    '　（３）　１０ 分以上遅れた場合は、キャンセルとみなします。',
    '（その他）',
    '第５条　利用者は、第３条及び第９条に定める事項を守るものとします。',
    '２０２４年１月１日',
    '　みなと公共職業安定所長　',
  ].join('\n\n')
  const result = parseTermsText(text)
  const { articles } = result.document

  it('normalises widths and removes the spaces extraction put between Japanese characters', () => {
    expect(articles.map((article) => article.heading)).toEqual([
      '目的',
      '対象者',
      '利用環境',
      '利用申込み等',
      'その他',
    ])
    expect(plain(articles[0]!.paragraphs[0]!.text)).toBe(
      '当所は、求職者の利便の向上のため、オンラインによる職業相談の機会を提供します。',
    )
    expect(artefacts(result.document)).toEqual([])
    expect(result.unplaced).toEqual([])
  })

  it('keeps spaces that separate Latin words from Japanese', () => {
    expect(plain(articles[2]!.paragraphs[0]!.text)).toBe(
      '利用者は、最新の OS を用い、Windows ファイアウォール等を有効にした端末でオンライン職業相談を利用することとします。',
    )
  })

  it('joins wrapped items and reads full-width item and sub-item marks', () => {
    const items = articles[1]!.paragraphs[0]!.items!
    expect(items.map((item) => plain(item.text))).toEqual([
      '当所に求職登録を完了している方（WEB 登録の方を含みます。）',
      'WEB カメラ付きの端末（PC、タブレット等）を所有し、{ref:environment//}の環境を用意できる方',
    ])
    const booking = articles[3]!.paragraphs
    expect(booking).toHaveLength(1)
    expect(booking[0]!.text).toEqual([])
    expect(booking[0]!.items!.map((item) => plain(item.text))).toEqual([
      '相談は1回当たり30分とし、前日までに予約を確定した方が利用できます。',
      '電話で申し込む場合は、次の事項をお伝えください。',
      '10分以上遅れた場合は、キャンセルとみなします。',
    ])
    expect(booking[0]!.items![1]!.subItems!.map((subItem) => plain(subItem.text))).toEqual([
      '氏名',
      '求職番号',
    ])
  })

  it('reads a Western date and the signatory, and reports the dangling 第9条', () => {
    expect(result.effectiveFrom).toBe('2024-01-01')
    expect(result.document.signatory).toBe('みなと公共職業安定所長')
    expect(result.danglingReferences).toEqual([{ article: 'article-5', ref: '第9条' }])
    expect(articles[4]!.paragraphs[0]!.text[1]).toEqual({ ref: { article: 'environment' } })
  })
})

describe('markdown layout: # headings, nested list entries, a date under the title', () => {
  const text = [
    '# 相談予約サービス利用規約',
    '',
    '令和元年5月1日',
    '',
    '## 第1条（目的）',
    'この規約は、相談予約サービスの利用条件を定めます。',
    '',
    '## 第2条（利用申込み等）',
    '予約は次のとおり行います。',
    '- (1) 予約サイトから申し込む。',
    '  - ア 希望日を選ぶ。',
    '  - イ 氏名を入力する。',
    '  - ウ 送信する。',
    '- (2) 電話で申し込む。',
    'なお、当日の予約はできません。',
    '',
    '## 第3条（キャンセル）',
    'キャンセルは、第2条(2)の方法で行います。第2条(3)の方法は使えません。',
    '',
    '## 第4条（免責事項）',
    '当所は、システム障害による損害について責任を負いません。ただし、民法第95条の適用を妨げません。',
    '',
    '## 第5条（本利用規約の変更）',
    '当所は、本規約を変更することがあります。',
    '変更後の規約は、第1条の目的の範囲で適用します。',
    'なお、変更は当所のウェブサイトでお知らせします。',
    '',
    '西区公共職業安定所長',
  ].join('\n')
  const result = parseTermsText(text)
  const { articles } = result.document

  it('reads the title, the date under it and the articles', () => {
    expect(result.document.title).toBe('相談予約サービス利用規約')
    expect(result.effectiveFrom).toBe('2019-05-01')
    expect(articles.map((article) => article.key)).toEqual([
      'purpose',
      'booking',
      'article-3',
      'disclaimer',
      'changes',
    ])
    expect(result.document.preamble).toEqual([])
    expect(result.unplaced).toEqual([])
  })

  it('reads list entries as items and ア/イ/ウ sub-items; なお after an item stays in it', () => {
    const booking = articles[1]!.paragraphs
    expect(booking).toHaveLength(1)
    expect(plain(booking[0]!.text)).toBe('予約は次のとおり行います。')
    const items = booking[0]!.items!
    expect(items).toHaveLength(2)
    expect(items[0]!.subItems).toHaveLength(3)
    expect(plain(items[1]!.text)).toBe('電話で申し込む。なお、当日の予約はできません。')
  })

  it('starts a new paragraph for a new block of text, except one opening with なお', () => {
    const changes = articles[4]!.paragraphs.map((paragraph) => plain(paragraph.text))
    expect(changes).toEqual([
      '当所は、本規約を変更することがあります。',
      '変更後の規約は、{ref:purpose//}の目的の範囲で適用します。なお、変更は当所のウェブサイトでお知らせします。',
    ])
  })

  it('resolves item references, reports out-of-range ones and ignores statutes', () => {
    expect(articles[2]!.paragraphs[0]!.text).toEqual([
      { text: 'キャンセルは、' },
      { ref: { article: 'booking', item: 2 } },
      { text: 'の方法で行います。' },
      { ref: { article: 'booking', item: 3, label: '第2条(3)' } },
      { text: 'の方法は使えません。' },
    ])
    expect(result.danglingReferences).toEqual([{ article: 'article-3', ref: '第2条(3)' }])
    expect(articles[3]!.paragraphs[0]!.text.every((inline) => 'text' in inline)).toBe(true)
  })
})

describe('odd input', () => {
  it('reports supplementary provisions as unplaced but takes their date', () => {
    const result = parseTermsText(
      [
        '利用規約',
        '第1条（目的）　この規約は、相談の利用について定める。',
        '附　則',
        'この規約は、2024年1月1日から施行する。',
        '東公共職業安定所長',
      ].join('\n'),
    )
    expect(result.effectiveFrom).toBe('2024-01-01')
    expect(result.unplaced).toEqual(['附　則', 'この規約は、2024年1月1日から施行する。'])
    expect(result.document.signatory).toBe('東公共職業安定所長')
  })

  it('skips page numbers with a warning and keeps the text around them together', () => {
    const result = parseTermsText(
      [
        '利用規約',
        '（目的）',
        '第1条　当所は、求職者の利便の向上のため、オンラインによる職業相談の機会を',
        '- 1 -',
        '提供します。',
      ].join('\n'),
    )
    expect(plain(result.document.articles[0]!.paragraphs[0]!.text)).toBe(
      '当所は、求職者の利便の向上のため、オンラインによる職業相談の機会を提供します。',
    )
    expect(result.warnings.some((warning) => warning.includes('page numbers'))).toBe(true)
    expect(result.document.signatory).toBe('')
    expect(result.effectiveFrom).toBeNull()
  })

  it('numbers up to 第十二条 in kanji and links a reference to it', () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
    const lines = numerals.map(
      (numeral, index) =>
        // eslint-disable-next-line no-irregular-whitespace -- an ideographic space, as PDF extracts have
        `第${numeral}条　この条は第${index + 1}の定めとする。${index === 0 ? '詳細は第十二条による。' : ''}`,
    )
    const result = parseTermsText(['利用規約', ...lines].join('\n'))
    expect(result.document.articles).toHaveLength(12)
    expect(result.document.articles[0]!.paragraphs[0]!.text).toContainEqual({
      ref: { article: 'article-12' },
    })
    expect(result.danglingReferences).toEqual([])
  })

  it('returns an empty document with warnings for text without articles', () => {
    const result = parseTermsText('')
    expect(result.document).toEqual({ title: '', preamble: [], articles: [], signatory: '' })
    expect(result.warnings.length).toBeGreaterThan(0)
  })
})
