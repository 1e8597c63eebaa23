import type { PayloadRequest } from 'payload'

import { violation } from '../../../rules/booking/messages'
import type { BookingStatus, Channel, BookingPolicy } from '../../../rules/booking/types'
import { policyRecordInForce } from '../../policies/policiesForOffice'
import { invalidSlotStart, isBookingStatus, parseInstant, type BookingData } from '../bookingData'
import { idOf, sameId } from '../../../lib/ids'
import { governanceFor } from './governance'
import { refuseChange } from './refusal'

/** The facts of an update that every change step works from (readChange). */
export interface BookingChangeFacts {
  officeId: number | string | null
  channel: Channel
  from: BookingStatus
  to: BookingStatus
  slotStart: Date
  moved: boolean
  /** The policy in force at the (new) slot; null when none is. */
  policy: BookingPolicy | null
  now: Date
}

/**
 * What an update asks for: the status and slot it goes to, with the policy in force at that slot.
 * The office and channel stay as booked.
 */
export async function readChange(
  data: BookingData,
  original: BookingData,
  req: PayloadRequest,
  now: Date,
): Promise<BookingChangeFacts> {
  if (data.office !== undefined && data.office !== null && !sameId(data.office, original.office)) {
    refuseChange(
      violation('invalid_field', { field: 'office', message: '予約の事業所は変更できません。' }),
    )
  }
  const officeId = idOf(original.office)
  const channel = original.channel as Channel
  const from = original.status as BookingStatus
  const to = (data.status ?? from) as BookingStatus
  if (!isBookingStatus(to)) {
    refuseChange(
      violation('invalid_field', { field: 'status', message: '状態の指定が正しくありません。' }),
    )
  }
  const originalStart = parseInstant(original.slotStart) ?? new Date(String(original.slotStart))
  const slotStart = data.slotStart === undefined ? originalStart : parseInstant(data.slotStart)
  if (!slotStart) refuseChange(invalidSlotStart())
  const records = officeId === null ? [] : (await governanceFor(req, officeId)).records
  return {
    officeId,
    channel,
    from,
    to,
    slotStart,
    moved: slotStart.getTime() !== originalStart.getTime(),
    policy: policyRecordInForce(records, slotStart)?.policy ?? null,
    now,
  }
}
