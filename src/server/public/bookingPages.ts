import type { Response } from 'express'

import { formatSlot } from '../../mail/bookingMails'
import { factList, sendSitePage, type SitePage } from '../site/layout'
import { escapeHtml } from '../../lib/html'

interface PageContent {
  title: string
  paragraphs: string[]
  details?: [label: string, value: string][]
  form?: { action: string; token: string; button: string }
}

/** In the booking site's layout, so the mailed links land on pages that look like the site. */
function page({ title, paragraphs, details, form }: PageContent): SitePage {
  const list = details?.length ? factList(details) : ''
  const button = form
    ? `<form method="post" action="${escapeHtml(form.action)}">` +
      `<input type="hidden" name="token" value="${escapeHtml(form.token)}">` +
      `<p><button type="submit" class="site-button">${escapeHtml(form.button)}</button></p></form>`
    : ''
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')
  return { title, body: `${body}\n${list}\n${button}` }
}

/** Token pages are personal and single-use: never cached, never indexed. */
export function sendPage(res: Response, status: number, content: PageContent): void {
  res.set('x-robots-tag', 'noindex')
  sendSitePage(res, status, page(content))
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
