import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { toHalfWidthDigits } from '../../../src/rules/japaneseDate'
import {
  composeTerms,
  findDanglingReferences,
  renderTermsHtml,
  renderTermsText,
} from '../../../src/rules/terms'
import { hqTemplate, kitakyushuOverrides } from '../../../src/seed/template'
import { staffOnlyPolicy, twoChannelPolicy } from './fixtures'

const kitakyushu = { name: 'マザーズハローワーク北九州', signatoryTitle: '小倉公共職業安定所長' }
const isesaki = { name: 'ハローワーク伊勢崎', signatoryTitle: '伊勢崎公共職業安定所長' }

function composeBoth() {
  return {
    kitakyushu: composeTerms({
      template: hqTemplate,
      office: kitakyushu,
      policy: twoChannelPolicy(),
      overrides: kitakyushuOverrides,
    }),
    isesaki: composeTerms({ template: hqTemplate, office: isesaki, policy: staffOnlyPolicy() }),
  }
}

describe('hqTemplate', () => {
  it('covers the subjects of the standard terms in 14 articles', () => {
    expect(hqTemplate.articles.map((a) => a.heading)).toEqual([
      '目的',
      '対象者',
      '利用料',
      '通信に使用するアプリケーション',
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
    ])
    expect(new Set(hqTemplate.articles.map((a) => a.key)).size).toBe(14)
  })

  it('composes for a staff-scheduled office with consistent references', () => {
    const { isesaki: terms } = composeBoth()
    expect(terms.articles).toHaveLength(14)
    expect(findDanglingReferences(terms)).toEqual([])
    const text = renderTermsText(terms, { effectiveFrom: '2023-04-01' })
    expect(text).toContain('ハローワーク伊勢崎（以下「当所」といいます。）')
    expect(text).toContain('第6条に定める方法で利用を申し込んだ方は')
    expect(text).toContain('平日10:00～12:00、14:00～16:00')
    expect(text).toContain('前日までに予約が確定')
    expect(text).toContain('TeleOffice及びZoom')
    expect(text).toContain('予約を取り消すときは、電話で当所にご連絡ください。')
    expect(text).toContain('15分を過ぎても')
    expect(text).toContain('前橋地方裁判所')
    expect(text).not.toContain('予約機能')
    // 個人情報保護 points at the confidentiality item of その他留意事項.
    expect(text).toContain('2 利用者は、第12条(3)に定める環境で相談を受ける')
    expect(text).toMatch(/\(3\) 相談は、個室など周りに他の人がいない場所で受け/)
    expect(text.endsWith('令和5年4月1日\n伊勢崎公共職業安定所長\n')).toBe(true)
  })

  it('composes for an office with its own booking site, renumbering after the added article', () => {
    const { kitakyushu: terms } = composeBoth()
    expect(terms.articles).toHaveLength(15)
    expect(terms.articles[6]).toMatchObject({ key: 'booking-site', number: 7 })
    expect(findDanglingReferences(terms)).toEqual([])
    const text = renderTermsText(terms, { effectiveFrom: '2023-04-01' })
    expect(text).toContain('予約サイトでマザーズハローワーク北九州と希望する時間帯を選び')
    expect(text).toContain('1時間以内に開くと、予約が確定します。')
    expect(text).toContain('ただし、相談当日の取消しは、電話による連絡に限ります。')
    expect(text).toContain(
      '予約サイトから申し込んだ場合はTeleOfficeを、電話又はメールで申し込んだ場合は原則としてZoomを使用します。',
    )
    expect(text).toContain('第6条(3)及び第6条(4)に定めるところによります。')
    expect(text).toContain('2 利用者は、第13条(3)に定める環境で相談を受ける')
    expect(text).toContain('福岡地方裁判所')
  })

  it('states both grounds for changing the terms and the three things announced', () => {
    const changes = renderTermsText(composeBoth().isesaki, { effectiveFrom: '2023-04-01' })
      .split('\n\n')
      .find((block) => block.startsWith('（本利用規約の変更）'))!
    expect(changes).toContain('一般の利益に適合する')
    expect(changes).toContain('目的に反しない')
    expect(changes).toContain('合理的')
    expect(changes).toContain('本規約を変更すること、変更後の本規約の内容及びその効力が生じる日')
  })

  it('renders as an accessible page', () => {
    const html = renderTermsHtml(composeBoth().isesaki, {
      effectiveFrom: '2023-04-01',
      officeName: isesaki.name,
      standalone: true,
    })
    expect(html).toContain('<html lang="ja">')
    expect(html.match(/<h2 class="kiyaku-article-heading">/g)).toHaveLength(14)
  })
})

const seedDirectory = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url))

describe.skipIf(!existsSync(seedDirectory))('the template is our own wording', () => {
  // Names, hours, headings and article numbers are facts or structure the seeds share with
  // any such terms; they are blanked out so that only the wording is compared.
  const facts =
    /マザーズハローワーク北九州|ハローワーク伊勢崎|福岡地方裁判所|前橋地方裁判所|\d{1,2}:\d{2}～\d{1,2}:\d{2}|令和\d+年\d+月\d+日|[^\s。]*公共職業安定所長/g
  const structure = /[（(][^（）()]{1,30}[)）]\s*第\s*\d+\s*条|^第\d+条|^\(\d+\)|^[①-⑳]|^\d+(?= )/gm

  const normalise = (text: string, blank: string) =>
    toHalfWidthDigits(text)
      .replace(/[ \u3000]+/g, ' ')
      .replace(/^[ \t]+/gm, '')
      .replace(structure, blank)
      .replace(facts, blank)
      .replace(/\s+/g, '')
      .replace(/（/g, '(')
      .replace(/）/g, ')')

  /** The longest run of characters the two texts share. */
  function longestCommonRun(a: string, b: string): string {
    let best = 0
    let end = 0
    let previous = new Uint16Array(b.length + 1)
    for (let i = 1; i <= a.length; i++) {
      const current = new Uint16Array(b.length + 1)
      for (let j = 1; j <= b.length; j++) {
        if (a[i - 1] === b[j - 1]) {
          current[j] = previous[j - 1]! + 1
          if (current[j]! > best) {
            best = current[j]!
            end = i
          }
        }
      }
      previous = current
    }
    return a.slice(end - best, end)
  }

  it('shares no sentence with the seed terms', () => {
    const { kitakyushu: k, isesaki: i } = composeBoth()
    const ours = [k, i].map((terms) =>
      normalise(renderTermsText(terms, { effectiveFrom: '2023-04-01' }), '■'),
    )
    for (const file of readdirSync(seedDirectory).filter((f) => f.endsWith('.txt'))) {
      const seed = normalise(readFileSync(`${seedDirectory}${file}`, 'utf8'), '□')
      // Defined terms such as オンライン職業相談等を利用する are shared; whole clauses are not.
      for (const text of ours) expect(longestCommonRun(seed, text).length).toBeLessThan(24)
    }
  })
})
