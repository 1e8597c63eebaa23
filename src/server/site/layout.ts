import type { Response } from 'express'

import { escapeHtml } from '../../lib/html'

const SITE_NAME = 'ハローワーク オンライン職業相談'

/** Where the site's stylesheets are served (see siteRouter). */
export const SITE_ASSETS = '/site/assets'

/**
 * The site's own pages use no script at all and only their stylesheet files, so their policy can
 * forbid every inline script and style. No page of the site may be framed.
 */
const SITE_CSP = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ')

export interface SitePage {
  title: string
  /** HTML of the main column, escaped by the caller. */
  body: string
  /** Lower-level pages name their office in the header's trail. */
  office?: { slug: string; name: string }
}

function sitePageHtml({ title, body, office }: SitePage): string {
  const trail = office
    ? `<nav aria-label="現在地"><a href="/">事業所一覧</a> ＞ <a href="/offices/${encodeURIComponent(office.slug)}">${escapeHtml(office.name)}</a></nav>`
    : ''
  return [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}｜${SITE_NAME}</title>`,
    `<link rel="stylesheet" href="${SITE_ASSETS}/tokens.css">`,
    `<link rel="stylesheet" href="${SITE_ASSETS}/site.css">`,
    '</head>',
    '<body>',
    '<header class="site-header"><div class="site-header-inner">',
    `<a class="site-brand" href="/">${SITE_NAME}</a>`,
    trail,
    '</div></header>',
    `<main class="site-main" id="main">`,
    `<h1>${escapeHtml(title)}</h1>`,
    body,
    '</main>',
    '<footer class="site-footer"><div class="site-footer-inner">',
    '<p>オンライン職業相談の予約サイトです。ご不明な点は各事業所へお問い合わせください。</p>',
    '</div></footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/** Sends a site page: personal, never cached, never framed. */
export function sendSitePage(res: Response, status: number, page: SitePage): void {
  res
    .status(status)
    .set('content-security-policy', SITE_CSP)
    .set('cache-control', 'no-store')
    .set('x-frame-options', 'DENY')
    .type('html')
    .send(sitePageHtml(page))
}

export function paragraphs(...texts: string[]): string {
  return texts.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')
}

export function factList(entries: readonly [label: string, value: string][]): string {
  if (entries.length === 0) return ''
  return `<dl class="site-facts">${entries
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('')}</dl>`
}
