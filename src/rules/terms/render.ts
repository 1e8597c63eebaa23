/**
 * Prints a composed edition as plain text or as accessible Japanese HTML.
 * Numbers of articles, items (1)(2)… and sub-items ①②… and of references come from
 * the structure, never from stored text.
 */
import { formatEraDate } from '../../lib/tokyoTime'
import { anchorId, BASE_CSS, htmlPage, safeUrl } from './html'
import { escapeHtml } from '../../lib/html'
import { articleNumber, formatReference, subItemMarkers } from './references'
import type { Article, ComposedTerms, Inline, NumberedArticle, Paragraph } from './types'

export interface RenderTextOptions {
  /** YYYY-MM-DD; printed in the closing line as 令和5年4月1日. */
  effectiveFrom: string
}

interface UpcomingChange {
  effectiveFrom: string
  noticeUrl?: string
  summary?: string
}

export interface RenderHtmlOptions {
  effectiveFrom: string
  officeName: string
  /** The next published edition, announced at the top of the page. */
  upcoming?: UpcomingChange | null
  /** A whole page (for a link) or a fragment to embed in an office's own page. */
  standalone: boolean
}

type AnyArticle = Article | NumberedArticle

export function renderInlineText(text: readonly Inline[], articles: readonly AnyArticle[]): string {
  return text
    .map((run) => {
      if ('text' in run) return run.text
      if ('ref' in run) return formatReference(run.ref, articles)
      // Composed terms carry no variables; a leftover one stays visible rather than vanishing.
      return `{${run.variable}}`
    })
    .join('')
}

/**
 * One article as lines of text: （見出し）, 第N条 …, 2 … for later paragraphs, (1) … for
 * items and indented ① … for sub-items. `numberLabel` replaces 第N条 (compare passes '').
 */
export function articleLines(
  article: AnyArticle,
  articles: readonly AnyArticle[],
  numberLabel: string,
): string[] {
  const lines = [`（${article.heading}）`]
  article.paragraphs.forEach((paragraph, p) => {
    const body = renderInlineText(paragraph.text, articles)
    const lead = p === 0 ? numberLabel : String(p + 1)
    lines.push([lead, body].filter((part) => part !== '').join(' '))
    paragraph.items?.forEach((item, i) => {
      lines.push(`(${i + 1}) ${renderInlineText(item.text, articles)}`)
      const markers = subItemMarkers(item.subItems ?? [])
      item.subItems?.forEach((sub, s) => {
        lines.push(`  ${markers[s]} ${renderInlineText(sub.text, articles)}`)
      })
    })
  })
  return lines.filter((line, i) => i === 0 || line !== '')
}

export function renderArticleText(article: AnyArticle, articles: readonly AnyArticle[]): string {
  const index = articles.indexOf(article)
  const number = 'number' in article ? article.number : index + 1
  return articleLines(article, articles, `第${number}条`).join('\n')
}

export function renderTermsText(terms: ComposedTerms, options: RenderTextOptions): string {
  const blocks = [terms.title]
  const preamble = terms.preamble.map((p) => renderInlineText(p.text, terms.articles))
  if (preamble.length > 0) blocks.push(preamble.join('\n'))
  terms.articles.forEach((article, index) => {
    blocks.push(
      articleLines(article, terms.articles, `第${articleNumber(terms.articles, index)}条`).join(
        '\n',
      ),
    )
  })
  blocks.push(`${formatEraDate(options.effectiveFrom)}\n${terms.signatory}`)
  return `${blocks.join('\n\n')}\n`
}

const TERMS_CSS = [
  BASE_CSS,
  '.kiyaku-office{margin-top:-.5rem;color:#444}',
  '.kiyaku-upcoming{border:2px solid #b54708;border-radius:.5rem;padding:.25rem 1rem;margin:1rem 0;background:#fffaf0}',
  '.kiyaku-upcoming h2{margin-top:.75rem}',
  '.kiyaku-items,.kiyaku-subitems{list-style:none;padding-left:0;margin:.25rem 0}',
  '.kiyaku-items>li,.kiyaku-subitems>li{padding-left:2.5em;text-indent:-2.5em}',
  '.kiyaku-subitems{margin-left:1em}',
  '.kiyaku-closing{margin-top:2.5rem;text-align:right}',
  '.kiyaku-closing p{margin:.25rem 0}',
].join('\n')

export function renderTermsHtml(terms: ComposedTerms, options: RenderHtmlOptions): string {
  // Embedded, the host page owns <h1>; so a fragment starts one level lower.
  const titleLevel = options.standalone ? 1 : 2
  const sectionLevel = titleLevel + 1
  const listStyle = options.standalone ? '' : ' style="list-style:none;padding-left:0"'
  const inline = (text: readonly Inline[]): string => inlineHtml(text, terms.articles)

  const parts: string[] = []
  parts.push(
    `<h${titleLevel} id="kiyaku-title" class="kiyaku-title">${escapeHtml(terms.title)}</h${titleLevel}>`,
  )
  parts.push(`<p class="kiyaku-office">${escapeHtml(options.officeName)}</p>`)
  if (options.upcoming) parts.push(upcomingHtml(options.upcoming, sectionLevel))
  parts.push(
    `<p class="kiyaku-effective">適用開始日：${timeHtml(options.effectiveFrom)}（${escapeHtml(options.effectiveFrom)}）</p>`,
  )
  if (terms.preamble.length > 0) {
    const paragraphs = terms.preamble.map((p) => `<p>${inline(p.text)}</p>`)
    parts.push(`<div class="kiyaku-preamble">\n${paragraphs.join('\n')}\n</div>`)
  }
  terms.articles.forEach((article, index) => {
    const number = articleNumber(terms.articles, index)
    const id = anchorId('kiyaku-article', article.key)
    const heading =
      `<h${sectionLevel} class="kiyaku-article-heading"><span class="kiyaku-article-number">第${number}条</span>` +
      `（${escapeHtml(article.heading)}）</h${sectionLevel}>`
    const body = article.paragraphs.map((paragraph, p) =>
      paragraphHtml(paragraph, p, inline, listStyle),
    )
    parts.push(
      `<section class="kiyaku-article" id="${id}">\n${heading}\n${body.join('\n')}\n</section>`,
    )
  })
  parts.push(
    `<footer class="kiyaku-closing">\n<p>${timeHtml(options.effectiveFrom)}</p>\n` +
      `<p class="kiyaku-signatory">${escapeHtml(terms.signatory)}</p>\n</footer>`,
  )

  const article = `<article class="kiyaku-terms" lang="ja" aria-labelledby="kiyaku-title">\n${parts.join('\n')}\n</article>`
  if (!options.standalone) return `${article}\n`
  return htmlPage({ title: `${terms.title}｜${options.officeName}`, css: TERMS_CSS, body: article })
}

function paragraphHtml(
  paragraph: Paragraph,
  index: number,
  inline: (text: readonly Inline[]) => string,
  listStyle: string,
): string {
  const html: string[] = []
  const text = inline(paragraph.text)
  if (index > 0) {
    html.push(`<p><span class="kiyaku-paragraph-number">${index + 1}</span> ${text}</p>`)
  } else if (text !== '') html.push(`<p>${text}</p>`)
  if (paragraph.items && paragraph.items.length > 0) {
    const items = paragraph.items.map((item, i) => {
      const subItems = item.subItems ?? []
      let subList = ''
      if (subItems.length > 0) {
        const markers = subItemMarkers(subItems)
        // Bullets only: an unordered list, so assistive technology does not announce numbers.
        const tag = subItems.every((sub) => sub.bullet) ? 'ul' : 'ol'
        const entries = subItems.map(
          (sub, s) =>
            `<li><span class="kiyaku-marker">${markers[s]}</span> ${inline(sub.text)}</li>`,
        )
        subList = `\n<${tag} class="kiyaku-subitems"${listStyle}>\n${entries.join('\n')}\n</${tag}>\n`
      }
      return `<li><span class="kiyaku-marker">(${i + 1})</span> ${inline(item.text)}${subList}</li>`
    })
    html.push(`<ol class="kiyaku-items"${listStyle}>\n${items.join('\n')}\n</ol>`)
  }
  return html.join('\n')
}

function inlineHtml(text: readonly Inline[], articles: readonly AnyArticle[]): string {
  return text
    .map((run) => {
      if ('text' in run) return escapeHtml(run.text)
      if ('variable' in run) return escapeHtml(`{${run.variable}}`)
      const label = escapeHtml(formatReference(run.ref, articles))
      if (!articles.some((a) => a.key === run.ref.article)) {
        return `<span class="kiyaku-unresolved">${label}</span>`
      }
      return `<a href="#${anchorId('kiyaku-article', run.ref.article)}">${label}</a>`
    })
    .join('')
}

function upcomingHtml(upcoming: UpcomingChange, level: number): string {
  const lines = [
    `<section class="kiyaku-upcoming" aria-labelledby="kiyaku-upcoming-heading">`,
    `<h${level} id="kiyaku-upcoming-heading">利用規約の変更のお知らせ</h${level}>`,
    `<p>${timeHtml(upcoming.effectiveFrom)}（${escapeHtml(upcoming.effectiveFrom)}）から、変更後の利用規約が適用されます。</p>`,
  ]
  if (upcoming.summary) lines.push(`<p>${escapeHtml(upcoming.summary)}</p>`)
  const url = upcoming.noticeUrl ? safeUrl(upcoming.noticeUrl) : null
  if (url) lines.push(`<p><a href="${escapeHtml(url)}">変更のお知らせを見る</a></p>`)
  lines.push('</section>')
  return lines.join('\n')
}

function timeHtml(isoDate: string): string {
  return `<time datetime="${escapeHtml(isoDate)}">${escapeHtml(formatEraDate(isoDate))}</time>`
}
