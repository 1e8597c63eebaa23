import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseTermsText } from '../../../src/importer/parseTermsText'
import type { Article } from '../../../src/rules/terms/types'
import { artefacts, plain } from './documentText'

// The seeds are real offices' terms and stay outside the repository.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const seedsDir = path.resolve(repoRoot, '../shared/seeds')

function readSeed(prefix: string): string | null {
  if (!existsSync(seedsDir)) return null
  const name = readdirSync(seedsDir).find((file) => file.startsWith(prefix))
  return name ? readFileSync(path.join(seedsDir, name), 'utf8') : null
}

const kitakyushu = readSeed('000_')
const isesaki = readSeed('001_')

const STANDARD_HEADINGS = [
  '目的',
  '対象者',
  '利用料',
  '通信に使用するアプリケーションソフト',
  '利用環境',
  '利用申込み等',
  '利用の記録等',
  '個人情報保護',
  '免責事項',
  '損害賠償',
  '法令等の遵守',
  'その他留意事項',
  '本利用規約の変更',
  '準拠法及び合意管轄裁判所',
]

const STANDARD_KEYS = [
  'purpose',
  'eligibility',
  'fee',
  'tools',
  'environment',
  'booking',
  'records',
  'privacy',
  'disclaimer',
  'damages',
  'compliance',
  'notes',
  'changes',
  'jurisdiction',
]

function article(articles: Article[], number: number): Article {
  const found = articles[number - 1]
  if (!found) throw new Error(`no article ${number}`)
  return found
}

function itemCounts(found: Article): number[] {
  return found.paragraphs.map((paragraph) => paragraph.items?.length ?? 0)
}

describe.skipIf(kitakyushu === null)('importing the 北九州 seed (PDF extraction)', () => {
  const result = parseTermsText(kitakyushu ?? '')
  const { document } = result

  it('finds the title, the 14 standard articles and the signatory', () => {
    expect(document.title.startsWith('マザーズハローワーク北九州')).toBe(true)
    expect(document.title.endsWith('オンライン職業相談等利用規約')).toBe(true)
    expect(document.articles.map((found) => found.heading)).toEqual(STANDARD_HEADINGS)
    expect(document.articles.map((found) => found.key)).toEqual(STANDARD_KEYS)
    expect(document.signatory).toBe('小倉公共職業安定所長')
    expect(result.effectiveFrom).toBeNull()
  })

  it('places every line', () => {
    expect(result.unplaced.filter((line) => line.trim() !== '')).toEqual([])
  })

  it('rejoins wrapped lines without leaving breaks or spaces inside words', () => {
    expect(artefacts(document)).toEqual([])
    expect(plain(article(document.articles, 1).paragraphs[0]!.text)).toContain(
      'オンライン職業相談等予約機能',
    )
  })

  it('reads items, the list-only 第6条 and its sub-items', () => {
    expect(itemCounts(article(document.articles, 2))).toEqual([4])
    expect(itemCounts(article(document.articles, 5))).toEqual([6])

    const booking = article(document.articles, 6)
    expect(booking.paragraphs).toHaveLength(1)
    expect(booking.paragraphs[0]!.text).toEqual([])
    const items = booking.paragraphs[0]!.items!
    expect(items).toHaveLength(4)
    expect(items[2]!.subItems).toHaveLength(5)
    expect(plain(items[2]!.subItems![0]!.text)).toBe('氏名')
    // Text under an item that follows a sentence belongs to the item, not to a new paragraph.
    expect(plain(items[1]!.text)).toContain('なお、予約確認メール')
    expect(plain(items[1]!.text)).toContain('キャンセルの場合は、予約完了')
  })

  it('ends a list of names before the paragraph that follows it (第4条)', () => {
    const tools = article(document.articles, 4)
    expect(itemCounts(tools)).toEqual([2, 0])
    expect(plain(tools.paragraphs[0]!.items![1]!.text)).toBe('TeleOffice')
  })

  it('keeps the ・ entries of 第12条(4) as bullet sub-items', () => {
    const notes = article(document.articles, 12)
    const subItems = notes.paragraphs[0]!.items![3]!.subItems!
    expect(subItems).toHaveLength(3)
    expect(subItems.every((subItem) => subItem.bullet === true)).toBe(true)
  })

  it('links references to this document and leaves statute citations as text', () => {
    expect(document.preamble[document.preamble.length - 1]!.text).toContainEqual({
      ref: { article: 'booking' },
    })
    const privacy = article(document.articles, 8).paragraphs[0]!.items!
    expect(privacy[0]!.text.every((inline) => 'text' in inline)).toBe(true)
    expect(plain(privacy[0]!.text)).toContain('職業安定法第5条の5')
  })

  it('reports 第13条(3) as dangling: 第13条 has only two items', () => {
    expect(result.danglingReferences).toEqual([{ article: 'privacy', ref: '第13条(3)' }])
    const privacy = article(document.articles, 8).paragraphs[0]!.items!
    expect(privacy[1]!.text).toContainEqual({
      ref: { article: 'changes', item: 3, label: '第13条(3)' },
    })
  })
})

describe.skipIf(isesaki === null)('importing the 伊勢崎 seed (markdown-ish)', () => {
  const result = parseTermsText(isesaki ?? '')
  const { document } = result

  it('finds the title, the 14 standard articles, the date and the signatory', () => {
    expect(document.title).toBe('オンライン職業相談等利用規約')
    expect(document.articles.map((found) => found.heading)).toEqual(STANDARD_HEADINGS)
    expect(document.articles.map((found) => found.key)).toEqual(STANDARD_KEYS)
    expect(document.signatory).toBe('伊勢崎公共職業安定所長')
    expect(result.effectiveFrom).toBe('2023-04-01')
  })

  it('places every line and reports nothing dangling', () => {
    expect(result.unplaced.filter((line) => line.trim() !== '')).toEqual([])
    expect(result.danglingReferences).toEqual([])
    expect(artefacts(document)).toEqual([])
  })

  it('reads markdown list entries as items, sub-items and bullets', () => {
    expect(itemCounts(article(document.articles, 2))).toEqual([2])
    expect(itemCounts(article(document.articles, 5))).toEqual([6])

    const booking = article(document.articles, 6)
    expect(booking.paragraphs[0]!.text).toEqual([])
    const items = booking.paragraphs[0]!.items!
    expect(items).toHaveLength(4)
    expect(items[1]!.subItems).toHaveLength(4)
    expect(plain(items[1]!.text)).toContain('なお、2回目以降')

    const notes = article(document.articles, 12).paragraphs[0]!.items!
    expect(notes).toHaveLength(5)
    expect(notes[3]!.subItems!.map((subItem) => subItem.bullet)).toEqual([true, true, true])
  })

  it('joins an entry broken across lines (第6条(4))', () => {
    const fourth = article(document.articles, 6).paragraphs[0]!.items![3]!
    expect(plain(fourth.text)).toContain('連絡がないままキャンセル')
    expect(article(document.articles, 6).paragraphs).toHaveLength(1)
  })

  it('resolves 第12条(3) in 第8条 to item 3 of the notes article', () => {
    const privacy = article(document.articles, 8).paragraphs[0]!.items!
    expect(privacy[1]!.text).toContainEqual({ ref: { article: 'notes', item: 3 } })
    expect(plain(privacy[0]!.text)).toContain('職業安定法第5条の4')
  })

  it('agrees with the 北九州 seed on the shape of the shared articles', () => {
    if (kitakyushu === null) return
    const other = parseTermsText(kitakyushu).document
    for (const number of [1, 3, 7, 8, 9, 10, 11, 13, 14]) {
      expect(itemCounts(article(document.articles, number))).toEqual(
        itemCounts(article(other.articles, number)),
      )
    }
  })
})
