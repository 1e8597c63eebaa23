import type { Response } from 'express'

import { formatSlot } from '../../mail/bookingMails'

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

interface PageContent {
  title: string
  paragraphs: string[]
  details?: [label: string, value: string][]
  form?: { action: string; token: string; button: string }
}

function page({ title, paragraphs, details, form }: PageContent): string {
  const list = details?.length
    ? `<dl>${details.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`
    : ''
  const button = form
    ? `<form method="post" action="${escapeHtml(form.action)}">` +
      `<input type="hidden" name="token" value="${escapeHtml(form.token)}">` +
      `<button type="submit">${escapeHtml(form.button)}</button></form>`
    : ''
  return [
    '<!doctype html>',
    '<html lang="ja">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.7}' +
      'dt{font-weight:bold}dd{margin:0 0 .5rem}button{font-size:1.1rem;padding:.6rem 1.4rem}</style>',
    '</head>',
    `<body><main><h1>${escapeHtml(title)}</h1>`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    list,
    button,
    '</main></body></html>',
  ].join('\n')
}

/** Token pages are personal and single-use: never cached, never indexed. */
export function sendPage(res: Response, status: number, content: PageContent): void {
  res
    .status(status)
    .set('cache-control', 'no-store')
    .set('x-robots-tag', 'noindex')
    .type('html')
    .send(page(content))
}

export interface PageBooking {
  reference: string
  slotStart: Date
  slotEnd: Date
  officeName: string
}

function bookingDetails(booking: PageBooking): [string, string][] {
  return [
    ['事業所', booking.officeName],
    ['予約番号', booking.reference],
    ['日時（日本時間）', formatSlot(booking)],
  ]
}

/**
 * The page behind a mailed link. Opening it changes nothing, because mail scanners and link
 * previews open links too; only its button (a POST) acts.
 */
export function actionPage(
  purpose: 'confirm' | 'cancel',
  booking: PageBooking,
  token: string,
): PageContent {
  return purpose === 'confirm'
    ? {
        title: 'ご予約の確定',
        paragraphs: [
          'まだご予約は確定していません。内容をご確認のうえ、下のボタンを押して確定してください。',
        ],
        details: bookingDetails(booking),
        form: { action: 'confirm', token, button: '予約を確定する' },
      }
    : {
        title: 'ご予約のキャンセル',
        paragraphs: [
          'このご予約をキャンセルする場合は、下のボタンを押してください。キャンセルは取り消せません。',
        ],
        details: bookingDetails(booking),
        form: { action: 'cancel', token, button: '予約をキャンセルする' },
      }
}

export function donePage(purpose: 'confirm' | 'cancel', booking: PageBooking): PageContent {
  return purpose === 'confirm'
    ? {
        title: 'ご予約が確定しました',
        paragraphs: [
          '確定のお知らせをメールでお送りしました。キャンセルする場合は、そのメールのリンクからお手続きください。',
        ],
        details: bookingDetails(booking),
      }
    : {
        title: 'ご予約をキャンセルしました',
        paragraphs: ['キャンセルのお知らせをメールでお送りしました。'],
        details: bookingDetails(booking),
      }
}

export function problemPage(title: string, message: string): PageContent {
  return { title, paragraphs: [message] }
}
