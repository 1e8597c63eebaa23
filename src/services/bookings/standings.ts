import type { Payload } from 'payload'

import {
  checkApplicantAccepted,
  shouldReviewApplicant,
} from '../../rules/booking/checkApplicantAccepted'
import type { BookingPolicy, RuleViolation } from '../../rules/booking/types'

/** not_accepted when any of the applicant's keys has a standing an office admin marked refused. */
export async function checkApplicantStanding(
  payload: Payload,
  officeId: number | string,
  keys: readonly string[],
): Promise<RuleViolation | null> {
  if (keys.length === 0) return null
  const { docs } = await payload.find({
    collection: 'applicant-standings',
    where: { office: { equals: officeId }, applicantKey: { in: [...keys] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { refused: true },
  })
  for (const standing of docs) {
    const found = checkApplicantAccepted({ refusedByStaff: standing.refused === true })
    if (found) return found
  }
  return null
}

/**
 * Counts a no-show for an applicant key (delta +1), or takes one back when staff correct it
 * (delta -1), creating the standing on the first. Reaching the policy's threshold flags the
 * standing for review. The label names the booking, never the person, so the standing stays
 * pseudonymous; `lastNoShowBooking` names the latest no-show, through which a decision is mailed.
 */
export async function recordNoShow(
  payload: Payload,
  officeId: number | string,
  applicantKey: string,
  booking: { id: number | string; reference?: string | null },
  policy: Pick<BookingPolicy, 'refuseAfterNoShows'> | null,
  delta: 1 | -1 = 1,
): Promise<void> {
  const review = (count: number) => (policy ? shouldReviewApplicant(count, policy) : false)
  for (let attempt = 0; attempt < 2; attempt++) {
    const { docs } = await payload.find({
      collection: 'applicant-standings',
      where: { office: { equals: officeId }, applicantKey: { equals: applicantKey } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const standing = docs[0]
    if (standing) {
      const count = Math.max(0, (standing.noShowCount ?? 0) + delta)
      await payload.update({
        collection: 'applicant-standings',
        id: standing.id,
        data: {
          noShowCount: count,
          reviewDue: review(count),
          ...(delta > 0 ? { lastNoShowBooking: String(booking.id) } : {}),
        } as Record<string, unknown>,
        overrideAccess: true,
        depth: 0,
      })
      return
    }
    if (delta < 0) return
    try {
      await payload.create({
        collection: 'applicant-standings',
        data: {
          office: officeId as number,
          applicantKey,
          label: booking.reference ? `予約 ${booking.reference} の申込者` : '申込者',
          noShowCount: 1,
          reviewDue: review(1),
          lastNoShowBooking: String(booking.id),
        } as never,
        overrideAccess: true,
        depth: 0,
      })
      return
    } catch (error) {
      // Another no-show for the same applicant created the standing first: count on it instead.
      if (attempt > 0) throw error
    }
  }
}
