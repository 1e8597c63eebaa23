import { DateTime } from 'luxon'
import type { Payload } from 'payload'

import { escapeHtml } from '../lib/html'
import { TOKYO_ZONE } from '../lib/tokyoTime'
import { bookingCalendarEvent } from './bookingCalendar'

/** What every booking mail shows; the applicant's own details are never repeated in it. */
export interface MailBooking {
  reference: string
  slotStart: Date
  slotEnd: Date
  tool: string | null
  meetingUrl?: string | null
  confirmBy?: Date | null
}

export interface MailOffice {
  name: string
  phone?: string | null
  email?: string | null
}

export interface BookingMail {
  subject: string
  text: string
  html: string
  attachments?: { filename: string; content: string; contentType: string }[]
}

const TOOL_LABELS: Record<string, string> = { teleoffice: 'TeleOffice', zoom: 'Zoom' }

/** 2026年12月1日（火）10:00 (Asia/Tokyo, whatever the server's zone). */
export function formatJapaneseDateTime(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: TOKYO_ZONE })
    .setLocale('ja')
    .toFormat('yyyy年M月d日（ccc）HH:mm')
}

export function formatSlot(booking: Pick<MailBooking, 'slotStart' | 'slotEnd'>): string {
  const end = DateTime.fromJSDate(booking.slotEnd, { zone: TOKYO_ZONE }).toFormat('HH:mm')
  return `${formatJapaneseDateTime(booking.slotStart)}〜${end}`
}

/** Plain paragraphs become the text part; the HTML part is the same text, escaped, links clickable. */
function compose(subject: string, paragraphs: string[]): BookingMail {
  const text = `${paragraphs.join('\n\n')}\n`
  const html = [
    '<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body>',
    ...paragraphs.map((paragraph) => {
      const escaped = escapeHtml(paragraph).replaceAll('\n', '<br>')
      return `<p>${escaped.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`
    }),
    '</body></html>',
  ].join('\n')
  return { subject, text, html }
}

function details(booking: MailBooking): string {
  const lines = [`予約番号: ${booking.reference}`, `日時: ${formatSlot(booking)}（日本時間）`]
  if (booking.tool) lines.push(`使用する通信アプリ: ${TOOL_LABELS[booking.tool] ?? booking.tool}`)
  return lines.join('\n')
}

function contact(office: MailOffice): string {
  const lines = [`${office.name}`]
  if (office.phone) lines.push(`電話: ${office.phone}`)
  if (office.email) lines.push(`メール: ${office.email}`)
  return lines.join('\n')
}

const AUTOMATIC =
  'このメールは送信専用のアドレスから自動で送信しています。お心当たりのない場合は、このメールを破棄してください（確定しなかった予約は期限を過ぎると自動で取り消されます）。'

export function confirmationRequestMail(
  office: MailOffice,
  booking: MailBooking,
  confirmUrl: string,
): BookingMail {
  const deadline = booking.confirmBy ? formatJapaneseDateTime(booking.confirmBy) : null
  return compose(`【${office.name}】ご予約の確認のお願い（まだ確定していません）`, [
    `${office.name}のオンライン職業相談のお申込みを受け付けました。ご予約はまだ確定していません。`,
    details(booking),
    `次のリンクを開き、表示されるページの「予約を確定する」ボタンを押してください。${
      deadline ? `${deadline}までに確定されなかった場合、このお申込みは取り消されます。` : ''
    }\n${confirmUrl}`,
    AUTOMATIC,
    contact(office),
  ])
}

export function bookingConfirmedMail(
  office: MailOffice,
  booking: MailBooking,
  cancelUrl: string,
): BookingMail {
  const paragraphs = [
    `${office.name}のオンライン職業相談のご予約が確定しました。`,
    details(booking),
  ]
  if (booking.meetingUrl) paragraphs.push(`接続先: ${booking.meetingUrl}`)
  paragraphs.push(
    `ご都合が悪くなった場合は、相談の開始時刻までに次のリンクからキャンセルしてください（リンク先のページでボタンを押すとキャンセルされます）。\n${cancelUrl}`,
    '予定表に登録するためのファイル（.ics）を添付しています。',
    contact(office),
  )
  const mail = compose(`【${office.name}】ご予約が確定しました（${booking.reference}）`, paragraphs)
  mail.attachments = [
    {
      filename: `${booking.reference}.ics`,
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: bookingCalendarEvent({
        reference: booking.reference,
        slotStart: booking.slotStart,
        slotEnd: booking.slotEnd,
        title: `${office.name} オンライン職業相談`,
        description: `予約番号: ${booking.reference}`,
        ...(booking.meetingUrl ? { url: booking.meetingUrl } : {}),
      }),
    },
  ]
  return mail
}

export function bookingCancelledMail(office: MailOffice, booking: MailBooking): BookingMail {
  return compose(`【${office.name}】ご予約をキャンセルしました（${booking.reference}）`, [
    `${office.name}のオンライン職業相談のご予約をキャンセルしました。`,
    details(booking),
    'またのご利用をお待ちしています。',
    contact(office),
  ])
}

/** An office admin's decision to refuse further bookings (第6条), with its reason. */
export function refusalMail(office: MailOffice, reason: string): BookingMail {
  return compose(`【${office.name}】オンライン職業相談のご利用について`, [
    `${office.name}では、利用規約の定めにより、今後のオンライン職業相談等のご予約をお断りすることとしました。`,
    `理由: ${reason}`,
    'このお取扱いについてのお問い合わせや、事情のご説明は、次の連絡先までお寄せください。窓口での職業相談は引き続きご利用いただけます。',
    contact(office),
  ])
}

/** The office closes on the day of the booking and cancels it; the applicant is told why. */
export function closureCancelledMail(
  office: MailOffice,
  booking: MailBooking,
  reason: string | null,
): BookingMail {
  return compose(`【${office.name}】休業のため、ご予約を取り消しました（${booking.reference}）`, [
    `${office.name}は、ご予約の日を${reason ? `${reason}のため` : ''}休業とすることになりました。まことに申し訳ありませんが、次のご予約を取り消しました。`,
    details(booking),
    'あらためてご予約いただくか、下記までお問い合わせください。',
    contact(office),
  ])
}

/**
 * Sends through Payload's configured adapter (SMTP, or the log without SMTP_URL). The recipient
 * and the body are never logged here.
 */
export async function sendBookingMail(
  payload: Payload,
  to: string,
  mail: BookingMail,
): Promise<void> {
  await payload.sendEmail({
    to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.attachments ? { attachments: mail.attachments } : {}),
  })
}

/**
 * To an applicant the office has refused who books online. The public answer looks like any
 * accepted booking's (a stranger typing someone's address must not learn of the refusal), so
 * this mail is where the applicant learns that the booking was not taken, and whom to call.
 */
export function onlineBookingDeclinedMail(office: MailOffice): BookingMail {
  return compose(`【${office.name}】オンライン職業相談のお申込みについて`, [
    `${office.name}のオンライン職業相談にお申込みいただきましたが、このお申込みはオンラインではお受けできません。ご予約は成立していません。`,
    'ご相談をご希望の場合は、お手数ですが、次の連絡先まで電話またはメールでお問い合わせください。窓口での職業相談は引き続きご利用いただけます。',
    'このメールは送信専用のアドレスから自動で送信しています。お心当たりのない場合は、このメールを破棄してください。',
    contact(office),
  ])
}
