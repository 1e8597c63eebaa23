import type { Payload } from 'payload'

import { escapeHtml } from '../../lib/html'
import { sendBookingMail, type BookingMail } from '../../mail/bookingMails'
import { formatEraDate, tokyoDayStart } from '../../lib/tokyoTime'
import { officeById } from '../bookings/officeBySlug'

function changeMail(officeName: string, effectiveFrom: string, termsUrl: string): BookingMail {
  const text = [
    `${officeName}のオンライン職業相談等利用規約を、${formatEraDate(effectiveFrom)}から変更します。`,
    'お申込みいただいているご予約のうち、この日以降の相談には変更後の利用規約が適用されます。変更の内容と理由は、次のページでご確認いただけます。',
    termsUrl,
    '変更後の利用規約に同意されない場合は、ご予約をキャンセルしていただけます。',
  ].join('\n\n')
  return {
    subject: `【${officeName}】利用規約の変更のお知らせ（${formatEraDate(effectiveFrom)}施行）`,
    text: `${text}\n`,
    html: `<!doctype html><html lang="ja"><body>${text
      .split('\n\n')
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('')}</body></html>`,
  }
}

/**
 * Tells the applicants whose upcoming bookings (on or after the effective date, still active) a
 * newly published edition will govern. One mail per address. Failures are logged without the
 * address and never undo the publication.
 */
export async function mailApplicantsAffectedByChange(
  payload: Payload,
  edition: { office: unknown; effectiveFrom: string },
  officeId: number | string,
): Promise<number> {
  const { docs } = await payload.find({
    collection: 'bookings',
    where: {
      office: { equals: officeId },
      slotStart: { greater_than_equal: tokyoDayStart(edition.effectiveFrom).toISOString() },
      status: { in: ['pending_confirmation', 'confirmed'] },
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { applicant: true, reference: true },
  })
  const addresses = [
    ...new Set(docs.map((b) => b.applicant?.email).filter((e): e is string => Boolean(e))),
  ]
  if (addresses.length === 0) return 0
  const office = await officeById(payload, officeId)
  const name = office?.name ?? 'ハローワーク'
  // The validated PUBLIC_URL (env.publicUrl, Payload's serverURL): process.env may lack it or
  // hold an unchecked value.
  const base = payload.config.serverURL
  const url = `${base}/public/v1/offices/${encodeURIComponent(String((office as { slug?: string } | null)?.slug ?? ''))}/notices`
  let sent = 0
  for (const to of addresses) {
    try {
      await sendBookingMail(payload, to, changeMail(name, edition.effectiveFrom, url))
      sent++
    } catch (error) {
      payload.logger.error(
        { mailError: (error as Error)?.name },
        'terms change mail could not be sent',
      )
    }
  }
  return sent
}
