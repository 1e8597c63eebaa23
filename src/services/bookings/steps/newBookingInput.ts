import type { PayloadRequest } from 'payload'

import { violation } from '../../../rules/booking/messages'
import type { Channel } from '../../../rules/booking/types'
import { invalidSlotStart, isChannel, parseInstant, type BookingData } from '../bookingData'
import { bookingContext } from '../context'
import { idOf } from '../../../lib/ids'
import { refuseNewBooking } from './refusal'

export interface NewBookingInput {
  officeId: number | string
  slotStart: Date
  channel: Channel
}

/**
 * The office, slot and channel a new booking asks for. The public route hands over the slot it
 * parsed (BookingContext.slotStart); every other path sends text, parsed here.
 */
export function readNewBooking(data: BookingData, req: PayloadRequest): NewBookingInput {
  const officeId = idOf(data.office)
  if (officeId === null) {
    refuseNewBooking(
      violation('missing_field', { field: 'office', message: '事業所を指定してください。' }),
    )
  }
  const slotStart = bookingContext(req.context).slotStart ?? parseInstant(data.slotStart)
  if (!slotStart) refuseNewBooking(invalidSlotStart())
  const channel = data.channel
  if (!isChannel(channel)) {
    refuseNewBooking(
      violation('invalid_field', { field: 'channel', message: '申込方法を選択してください。' }),
    )
  }
  return { officeId, slotStart, channel }
}
