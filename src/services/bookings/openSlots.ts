import type { Payload } from 'payload'

import { findChannelPolicy } from '../../rules/booking/checkChannelOffered'
import { listSlots } from '../../rules/booking/listSlots'
import { addDays, tokyoDay } from '../../lib/tokyoTime'
import type { Channel, OpenSlot } from '../../rules/booking/types'
import { policiesForOffice, type PolicyRecord } from '../policies/policiesForOffice'
import { seatsTakenBySlot } from './occupancy'

/**
 * The channel the public list is for: self-service when a policy governing any day of the range
 * offers it (those are the slots an applicant can book here), otherwise none in particular, so an
 * office taking bookings by phone still shows when it has room.
 */
function listedChannel(
  records: readonly PolicyRecord[],
  from: string,
  to: string,
): Channel | undefined {
  let governing: PolicyRecord | undefined
  const relevant: PolicyRecord[] = []
  for (const record of records) {
    if (record.effectiveFrom <= from) governing = record
    else if (record.effectiveFrom <= to) relevant.push(record)
  }
  if (governing) relevant.push(governing)
  return relevant.some((record) => findChannelPolicy(record.policy, 'self-service'))
    ? 'self-service'
    : undefined
}

export interface OpenSlotsResult {
  channel: Channel | null
  slots: OpenSlot[]
}

/** Open slots of an office between two JST dates (inclusive), from memory once warm. */
export async function openSlots(
  payload: Payload,
  officeId: number | string,
  from: string,
  to: string,
  now: Date = new Date(),
): Promise<OpenSlotsResult> {
  const records = await policiesForOffice(payload, officeId)
  const channel = listedChannel(records, from, to)
  const takenBySlotStart = await seatsTakenBySlot(
    payload,
    officeId,
    tokyoDay(from).startMs,
    tokyoDay(addDays(to, 1)).startMs,
    now,
  )
  const slots = listSlots({
    policies: records.map((record) => record.policy),
    from,
    to,
    now,
    takenBySlotStart,
    channel,
  })
  return { channel: channel ?? null, slots }
}
