import { checkChannelOffered } from '../../../rules/booking/checkChannelOffered'
import { violation } from '../../../rules/booking/messages'
import type { Channel } from '../../../rules/booking/types'
import { policyRecordInForce, type GoverningRecord } from '../../policies/policiesForOffice'
import { refuseNewBooking } from './refusal'

/**
 * The policy a new booking is decided by: the one in force at the slot. A channel the office does
 * not offer is refused before anything about the slot (judged by today's policy when none is in
 * force at the slot), and then, on the public path, a missing agreement to the terms.
 */
export function policyForNewBooking(
  records: readonly GoverningRecord[],
  booking: { slotStart: Date; channel: Channel; now: Date; termsAgreed?: boolean },
): GoverningRecord {
  const record = policyRecordInForce(records, booking.slotStart)
  const offering = record ?? policyRecordInForce(records, booking.now)
  const notOffered = offering && checkChannelOffered(offering.policy, booking.channel)
  if (notOffered) refuseNewBooking(notOffered)
  if (booking.termsAgreed === false) {
    refuseNewBooking(
      violation('terms_not_current', {
        field: 'consent.agreed',
        message: 'ご予約には利用規約への同意が必要です。',
      }),
    )
  }
  if (!record) refuseNewBooking(violation('outside_hours'))
  return record
}
