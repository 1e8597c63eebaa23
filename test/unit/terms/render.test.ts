import { describe, expect, it } from 'vitest'
import {
  composeTerms,
  renderTermsHtml,
  renderTermsText,
  type ComposedTerms,
} from '../../../src/rules/terms'
import { formatEraDate } from '../../../src/lib/tokyoTime'
import { office, smallTemplate, twoChannelPolicy } from './fixtures'

function edition(): ComposedTerms {
  return composeTerms({ template: smallTemplate(), office, policy: twoChannelPolicy() })
}

function count(haystack: string, needle: RegExp): number {
  return haystack.match(needle)?.length ?? 0
}

describe('renderTermsText', () => {
  it('prints headings, numbered articles, paragraphs, items and sub-items', () => {
    const printed = renderTermsText(edition(), { effectiveFrom: '2024-04-01' })
    expect(
      printed.startsWith('ハローワーク架空 オンライン相談利用規約\n\n第2条により申し込んだ方は'),
    ).toBe(true)
    expect(printed).toContain('（目的）\n第1条 ハローワーク架空のオンライン相談について定めます。')
    expect(printed).toContain('（利用申込み等）\n第2条\n(1) 相談時間は')
    expect(printed).toContain(
      '（利用の記録等）\n第3条 利用の記録を残します。\n2 前項の記録は公表しません。',
    )
    expect(printed).toContain('(3) 秘密が守られる場所で受けること。\n  ① 個室\n  ② 自宅')
  })

  it('closes with the effective date in the Japanese calendar and the signatory', () => {
    const printed = renderTermsText(edition(), { effectiveFrom: '2023-04-01' })
    expect(formatEraDate('2023-04-01')).toBe('令和5年4月1日')
    expect(printed.endsWith('\n\n令和5年4月1日\n架空公共職業安定所長\n')).toBe(true)
    expect(renderTermsText(edition(), { effectiveFrom: '2019-05-01' })).toContain(
      '令和元年5月1日\n',
    )
  })
})

describe('renderTermsHtml', () => {
  it('is a Japanese page with a heading per article and lists for items', () => {
    const terms = edition()
    const html = renderTermsHtml(terms, {
      effectiveFrom: '2024-04-01',
      officeName: office.name,
      standalone: true,
    })
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain(
      '<title>ハローワーク架空 オンライン相談利用規約｜ハローワーク架空</title>',
    )
    expect(count(html, /<h1[ >]/g)).toBe(1)
    expect(count(html, /<h2 class="kiyaku-article-heading">/g)).toBe(terms.articles.length)
    expect(html).toContain(
      '<h2 class="kiyaku-article-heading"><span class="kiyaku-article-number">第4条</span>（その他留意事項）</h2>',
    )
    // Two articles have items, one item has sub-items.
    expect(count(html, /<ol class="kiyaku-items">/g)).toBe(2)
    expect(count(html, /<ol class="kiyaku-subitems">/g)).toBe(1)
    expect(html).toContain('<li><span class="kiyaku-marker">(1)</span> 録画しないこと。</li>')
    expect(html).toContain('<li><span class="kiyaku-marker">②</span> 自宅</li>')
    expect(html).toContain('<a href="#kiyaku-article-notes">第4条(3)</a>')
    expect(html).toContain('id="kiyaku-article-notes"')
    expect(html).toContain('<p><time datetime="2024-04-01">令和6年4月1日</time></p>')
    expect(html).toContain('<p class="kiyaku-signatory">架空公共職業安定所長</p>')
    expect(html).toContain('<main>')
  })

  it('returns an embeddable fragment one heading level lower', () => {
    const terms = edition()
    const html = renderTermsHtml(terms, {
      effectiveFrom: '2024-04-01',
      officeName: office.name,
      standalone: false,
    })
    expect(html).not.toContain('<html')
    expect(html).toMatch(/^<article class="kiyaku-terms" lang="ja"/)
    expect(count(html, /<h2[ >]/g)).toBe(1)
    expect(count(html, /<h3 class="kiyaku-article-heading">/g)).toBe(terms.articles.length)
    expect(html).toContain('<ol class="kiyaku-items" style="list-style:none;padding-left:0">')
  })

  it('announces an upcoming change at the top', () => {
    const html = renderTermsHtml(edition(), {
      effectiveFrom: '2024-04-01',
      officeName: office.name,
      standalone: true,
      upcoming: {
        effectiveFrom: '2024-06-01',
        noticeUrl: '/public/v1/offices/kakuu/notices#3',
        summary: '相談時間を変更します。',
      },
    })
    const announcement = html.indexOf('class="kiyaku-upcoming"')
    expect(announcement).toBeGreaterThan(0)
    expect(announcement).toBeLessThan(html.indexOf('class="kiyaku-article"'))
    expect(html).toContain(
      '<time datetime="2024-06-01">令和6年6月1日</time>（2024-06-01）から、変更後の利用規約が適用されます。',
    )
    expect(html).toContain('<p>相談時間を変更します。</p>')
    expect(html).toContain('<a href="/public/v1/offices/kakuu/notices#3">')
  })

  it('escapes every text and drops unsafe notice links', () => {
    const terms = edition()
    terms.title = '<script>alert(1)</script>'
    terms.articles[0]!.heading = '目的<img src=x onerror=alert(1)>'
    terms.articles[0]!.paragraphs[0]!.text.push({ text: '<script>alert("x")</script>&' })
    terms.signatory = '"所長"'
    const html = renderTermsHtml(terms, {
      effectiveFrom: '2024-04-01',
      officeName: '<b>事務所</b>',
      standalone: true,
      upcoming: {
        effectiveFrom: '2024-06-01',
        noticeUrl: 'javascript:alert(1)',
        summary: '<i>x</i>',
      },
    })
    expect(html).not.toMatch(/<script|<img|<b>|<i>|javascript:/)
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;')
    expect(html).toContain('&quot;所長&quot;')
  })

  it('marks a reference whose article is missing instead of linking it', () => {
    const terms = edition()
    terms.articles[0]!.paragraphs[0]!.text.push({ ref: { article: 'article-15', label: '第15条' } })
    const html = renderTermsHtml(terms, {
      effectiveFrom: '2024-04-01',
      officeName: office.name,
      standalone: false,
    })
    expect(html).toContain('<span class="kiyaku-unresolved">第15条</span>')
  })
})

describe('bulleted sub-items', () => {
  function bulleted(): ComposedTerms {
    const template = smallTemplate()
    for (const sub of template.articles[3]!.paragraphs[0]!.items![2]!.subItems!) sub.bullet = true
    return composeTerms({ template, office, policy: twoChannelPolicy() })
  }

  it('keep their bullets through composing and print ・ in an unordered list', () => {
    const terms = bulleted()
    expect(terms.articles[3]!.paragraphs[0]!.items![2]!.subItems![0]).toEqual({
      text: [{ text: '個室' }],
      bullet: true,
    })
    expect(renderTermsText(terms, { effectiveFrom: '2024-04-01' })).toContain(
      '  ・ 個室\n  ・ 自宅',
    )
    const html = renderTermsHtml(terms, {
      effectiveFrom: '2024-04-01',
      officeName: office.name,
      standalone: true,
    })
    expect(html).toContain(
      '<ul class="kiyaku-subitems">\n<li><span class="kiyaku-marker">・</span> 個室</li>',
    )
  })
})
