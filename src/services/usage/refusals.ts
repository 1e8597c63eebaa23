import type { Payload } from 'payload'

import { addDays, tokyoDay } from '../../lib/tokyoTime'

/** The audit action of a refused new booking; its entry carries the rule code and nothing else. */
export const BOOKING_REFUSED_ACTION = 'bookings.refused'

export interface RefusalEvent {
  officeId: number | string | null | undefined
  /** The rule code (a fixed set: src/rules/booking/messages.ts). */
  code: string
  channel?: string | null
  /** `users:ID` for a signed-in user, otherwise who the request stood for ('applicant', 'public'). */
  actor: string
}

/**
 * Records a refused new booking in the audit trail for the usage dashboard: office, time, rule
 * code and channel; never the applicant or the slot. Written without the request on purpose: the
 * refused write's own transaction (MongoDB) is rolled back, and the refusal must still count. A
 * failure to record is logged and never changes the answer the applicant gets.
 */
export async function recordRefusal(payload: Payload, event: RefusalEvent): Promise<void> {
  try {
    await payload.db.create({
      collection: 'audit-log',
      returning: false,
      data: {
        at: new Date().toISOString(),
        action: BOOKING_REFUSED_ACTION,
        collectionSlug: 'bookings',
        documentId: `refused:${event.code}`,
        office:
          event.officeId === null || event.officeId === undefined
            ? undefined
            : String(event.officeId),
        actor: event.actor,
        before: null,
        after: { code: event.code, channel: event.channel ?? null },
      },
    })
  } catch (error) {
    payload.logger.error({ err: error, code: event.code }, 'refusal not recorded')
  }
}

/**
 * Refusals of one office whose time falls on the Tokyo days from `from` to `to`, by rule code.
 * Reads two columns of the audit entries over the (action, at, office) filter.
 */
export async function refusalCounts(
  payload: Payload,
  officeId: number | string,
  from: string,
  to: string,
): Promise<Record<string, number>> {
  const { docs } = await payload.db.find<{ documentId: string }>({
    collection: 'audit-log',
    where: {
      action: { equals: BOOKING_REFUSED_ACTION },
      office: { equals: String(officeId) },
      at: {
        greater_than_equal: new Date(tokyoDay(from).startMs).toISOString(),
        less_than: new Date(tokyoDay(addDays(to, 1)).startMs).toISOString(),
      },
    },
    pagination: false,
    limit: 0,
    select: { documentId: true },
  })
  const counts: Record<string, number> = {}
  for (const { documentId } of docs) {
    const code = documentId.startsWith('refused:') ? documentId.slice('refused:'.length) : 'unknown'
    counts[code] = (counts[code] ?? 0) + 1
  }
  return counts
}
