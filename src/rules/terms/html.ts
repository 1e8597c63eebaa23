/** Small HTML helpers shared by the terms page and the 新旧対照表. */
import { escapeHtml } from '../../lib/html'

/** A link target only if it is relative or http(s); anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim()
  if (trimmed === '') return null
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)
  if (scheme && !/^https?$/i.test(scheme[1]!)) return null
  return trimmed
}

/** A fragment identifier from an article key; keys are usually slugs, but nothing enforces it. */
export function anchorId(prefix: string, key: string): string {
  return `${prefix}-${key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`
}

export function htmlPage(options: { title: string; css: string; body: string }): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${options.css}</style>`,
    '</head>',
    '<body>',
    '<main>',
    options.body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

export const BASE_CSS = [
  'body{margin:0;font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP","Yu Gothic",sans-serif;line-height:1.8;color:#1a1a1a;background:#fff}',
  'main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem 3rem}',
  'h1{font-size:1.6rem;line-height:1.4}',
  'h2{font-size:1.2rem;margin-top:2rem}',
  'a{color:#0b57d0}',
  'a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}',
].join('\n')
