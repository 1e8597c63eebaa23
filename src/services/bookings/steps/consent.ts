import {
  consentMethodFor,
  editionsForConsent,
  SHOWN_VIA,
  type ShownVia,
} from '../../../rules/booking/consentRecord'
import { violation } from '../../../rules/booking/messages'
import type { Channel } from '../../../rules/booking/types'
import { idOf } from '../../../lib/ids'
import type { EditionInForce } from '../termsInForce'
import { refuseNewBooking } from './refusal'

/**
 * Consent to the terms edition that will govern the session: the one in force on the slot's date,
 * which is a later edition than today's when the slot falls after an upcoming change (the
 * applicant is then shown both, and the one in force today is recorded beside it). The applicant
 * must name exactly that edition. Staff booking by phone or mail show the applicant the terms
 * (民法548条の2第1項第2号): for them a missing edition defaults to the governing one, and the record
 * says it was staff, and how (consent.shownVia, required of staff).
 */
export function resolveConsent(
  channel: Channel,
  given: { termsEdition?: unknown; shownVia?: unknown } | undefined,
  editions: { inForceNow: EditionInForce | null; atSlot: EditionInForce | null },
  byStaff: boolean,
  now: Date,
) {
  const { governing: edition, alsoInForceNow } = editionsForConsent(
    editions.inForceNow,
    editions.atSlot,
  )
  if (!edition) {
    refuseNewBooking(
      violation('terms_not_current', {
        field: 'consent.termsEdition',
        message:
          '現在有効な利用規約がないため、予約を受け付けられません。窓口にお問い合わせください。',
      }),
    )
  }
  const givenId = idOf(given?.termsEdition)
  const agreesToGoverning =
    givenId === null ? channel === 'staff-scheduled' : String(givenId) === String(edition.id)
  if (!agreesToGoverning) {
    refuseNewBooking(
      violation('terms_not_current', {
        field: 'consent.termsEdition',
        ...(alsoInForceNow
          ? {
              message: `ご希望の日時には、${edition.effectiveFrom}から施行される利用規約（第${edition.number}版）が適用されます。その版をご確認のうえ、同意してください。`,
            }
          : {}),
      }),
    )
  }
  const shownVia = given?.shownVia
  const shownViaGiven = shownVia !== undefined && shownVia !== null && shownVia !== ''
  // Staff consent on nobody's behalf: the record must say how the applicant was shown the terms.
  if (byStaff && !shownViaGiven) {
    refuseNewBooking(
      violation('missing_field', {
        field: 'consent.shownVia',
        message:
          '職員が受け付ける予約では、利用規約を示した方法（電話・メール・窓口）を選択してください。',
      }),
    )
  }
  if (shownViaGiven) {
    if (!byStaff || !SHOWN_VIA.includes(shownVia as ShownVia)) {
      refuseNewBooking(
        violation('invalid_field', {
          field: 'consent.shownVia',
          message:
            '利用規約を示した方法は、電話・メール・窓口のいずれかを選択してください（職員のみ）。',
        }),
      )
    }
  }
  return {
    termsEdition: edition.id as number,
    contentHash: edition.contentHash,
    agreedAt: now.toISOString(),
    method: consentMethodFor(byStaff),
    shownVia:
      byStaff && typeof shownVia === 'string' && shownVia !== '' ? (shownVia as ShownVia) : null,
    inForceAtBooking: (alsoInForceNow?.id ?? null) as number | null,
  }
}
