import { describe, expect, it } from 'vitest'
import {
  changedArticles,
  compareTerms,
  composeTerms,
  markedDiff,
  renderCompareHtml,
  summarizeChanges,
  type ArticleOverride,
  type ComposedTerms,
} from '../../../src/rules/terms'
import type { BookingPolicy } from '../../../src/rules/booking/types'
import { office, smallTemplate, t, twoChannelPolicy } from './fixtures'

function edition(policy: BookingPolicy = twoChannelPolicy(), overrides: ArticleOverride[] = []) {
  return composeTerms({ template: smallTemplate(), office, policy, overrides })
}

const byKey = (rows: ReturnType<typeof compareTerms>) => new Map(rows.map((row) => [row.key, row]))

describe('compareTerms', () => {
  it('finds nothing changed between equal editions', () => {
    const rows = compareTerms(edition(), edition())
    expect(rows.map((r) => r.status)).toEqual(Array(5).fill('unchanged'))
    expect(changedArticles(edition(), edition())).toEqual([])
  })

  it('marks the article whose text a policy change alters', () => {
    const rows = byKey(
      compareTerms(edition(), edition(twoChannelPolicy({ court: '東京地方裁判所' }))),
    )
    expect(rows.get('jurisdiction')!.status).toBe('changed')
    expect(rows.get('jurisdiction')!.old!.text).toContain('福岡地方裁判所')
    expect(rows.get('jurisdiction')!.new!.text).toContain('東京地方裁判所')
    expect(rows.get('booking')!.status).toBe('unchanged')
  })

  it('marks added and removed articles and keeps removed ones where they stood', () => {
    const older = edition()
    const newer = edition(twoChannelPolicy(), [
      { op: 'remove', key: 'records' },
      {
        op: 'add',
        after: 'purpose',
        article: {
          key: 'site',
          heading: '予約サイト',
          paragraphs: [{ text: [t('予約サイトを設けます。')] }],
        },
      },
    ])
    const rows = compareTerms(older, newer)
    expect(rows.map((r) => `${r.key}:${r.status}`)).toEqual([
      'purpose:unchanged',
      'site:added',
      'booking:unchanged',
      'records:removed',
      'notes:unchanged',
      'jurisdiction:unchanged',
    ])
    const removed = rows[3]!
    expect(removed.new).toBeUndefined()
    expect(removed.old).toMatchObject({ number: 3, heading: '利用の記録等' })
    expect(rows[1]!.old).toBeUndefined()
    expect(rows[1]!.new).toMatchObject({ number: 2, heading: '予約サイト' })
  })

  it('treats a pure move as unchanged but renumbered, and a reference that prints differently as a change', () => {
    const older = edition()
    const newer = edition(twoChannelPolicy(), [{ op: 'remove', key: 'records' }])
    const rows = byKey(compareTerms(older, newer))

    const notes = rows.get('notes')!
    expect(notes).toMatchObject({ status: 'unchanged', renumbered: true })
    expect(notes.old!.number).toBe(4)
    expect(notes.new!.number).toBe(3)
    expect(notes.new!.text).toContain('第3条 次の点に留意してください。')

    // Its reference to 第4条(3) now prints 第3条(3): what the article says has changed.
    const jurisdiction = rows.get('jurisdiction')!
    expect(jurisdiction.status).toBe('changed')
    expect(jurisdiction.old!.text).toContain('第5条 紛争は福岡地方裁判所の管轄とします。第4条(3)')
    expect(jurisdiction.new!.text).toContain('第4条 紛争は福岡地方裁判所の管轄とします。第3条(3)')

    expect(rows.get('purpose')).toMatchObject({ status: 'unchanged', renumbered: false })
  })
})

describe('changedArticles', () => {
  it('lists what a notice must name, with the new numbers', () => {
    const older = edition()
    const newer = edition(twoChannelPolicy({ noShowGraceMinutes: 20 }), [
      { op: 'remove', key: 'records' },
      {
        op: 'add',
        article: { key: 'extra', heading: '補則', paragraphs: [{ text: [t('補則です。')] }] },
      },
    ])
    const changes = changedArticles(older, newer)
    expect(changes).toEqual([
      {
        key: 'booking',
        status: 'changed',
        number: 2,
        heading: '利用申込み等',
        label: '第2条（利用申込み等）',
      },
      {
        key: 'records',
        status: 'removed',
        number: 3,
        heading: '利用の記録等',
        label: '旧第3条（利用の記録等）',
      },
      {
        key: 'jurisdiction',
        status: 'changed',
        number: 4,
        heading: '準拠法及び合意管轄裁判所',
        label: '第4条（準拠法及び合意管轄裁判所）',
      },
      { key: 'extra', status: 'added', number: 5, heading: '補則', label: '第5条（補則）' },
    ])
    expect(summarizeChanges(changes)).toBe(
      '第2条（利用申込み等）を変更、旧第3条（利用の記録等）を削除、第4条（準拠法及び合意管轄裁判所）を変更、第5条（補則）を新設',
    )
  })
})

describe('renderCompareHtml', () => {
  function page(older: ComposedTerms, newer: ComposedTerms, onlyChanged = false) {
    return renderCompareHtml(compareTerms(older, newer), {
      officeName: office.name,
      fromLabel: '第1版（令和6年4月1日）',
      toLabel: '第2版（令和6年6月1日）',
      onlyChanged,
    })
  }

  it('is an accessible Japanese table with 新 and 旧 columns', () => {
    const html = page(edition(), edition(twoChannelPolicy({ court: '東京地方裁判所' })))
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/)
    expect(html).toContain(
      '<caption id="kiyaku-compare-caption">ハローワーク架空 利用規約 新旧対照表',
    )
    expect(html).toContain('<th scope="col">新（第2版（令和6年6月1日））</th>')
    expect(html).toContain('<th scope="col">旧（第1版（令和6年4月1日））</th>')
    expect(html.indexOf('<th scope="col">新')).toBeLessThan(html.indexOf('<th scope="col">旧'))
    expect((html.match(/<th scope="row"/g) ?? []).length).toBe(5)
    expect(html).toContain('<ins>東京</ins>')
    expect(html).toContain('<del>福岡</del>')
    expect(html).toMatch(
      /<tr class="kiyaku-row-changed"><th scope="row"[^>]*>第5条（準拠法及び合意管轄裁判所）<span class="kiyaku-status">変更<\/span>/,
    )
  })

  it('shows added and removed articles whole, and can leave out unchanged rows', () => {
    const newer = edition(twoChannelPolicy(), [
      { op: 'remove', key: 'purpose' },
      {
        op: 'add',
        article: { key: 'extra', heading: '補則', paragraphs: [{ text: [t('補則です。')] }] },
      },
    ])
    const html = page(edition(), newer, true)
    expect(html).toContain(
      '<td>（削除）</td><td><del>（目的）<br>\n第1条 ハローワーク架空のオンライン相談について定めます。</del></td>',
    )
    expect(html).toContain('<td><ins>（補則）<br>\n第5条 補則です。</ins></td><td>（新設）</td>')
    expect(html).toContain('<span class="kiyaku-status">条番号の変更</span>')
    expect(html).toContain('旧第1条（目的）')
  })

  it('escapes article text', () => {
    const newer = edition()
    newer.articles[0]!.paragraphs[0]!.text.push({ text: '<script>x</script>' })
    const html = page(edition(), newer)
    expect(html).not.toContain('<script>')
    expect(html).toContain('<ins>&lt;script&gt;x&lt;/script&gt;</ins>')
  })

  it('can render a fragment', () => {
    const html = renderCompareHtml(compareTerms(edition(), edition()), {
      officeName: office.name,
      fromLabel: '旧版',
      toLabel: '新版',
      standalone: false,
    })
    expect(html).not.toContain('<html')
    expect(html).toMatch(/^<section class="kiyaku-compare-section" lang="ja">/)
  })
})

describe('markedDiff', () => {
  it('marks only what differs and folds a lone common character into the change', () => {
    expect(markedDiff('平日10:00～12:00', '平日9:30～12:00')).toEqual({
      before: '平日<del>10:00</del>～12:00',
      after: '平日<ins>9:30</ins>～12:00',
    })
  })
})
