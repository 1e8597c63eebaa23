import type { Payload } from 'payload'

import { checkApplicantAccepted } from '../../rules/booking/checkApplicantAccepted'
import type { ReservationPolicy, RuleViolation } from '../../rules/booking/types'

/**
 * not_accepted when any of the applicant's keys has a standing that staff marked refused, or
 * whose no-shows reach the policy's limit.
 */
export async function checkApplicantStanding(
  payload: Payload,
  officeId: number | string,
  keys: readonly string[],
  policy: Pick<ReservationPolicy, 'refuseAfterNoShows'>,
): Promise<RuleViolation | null> {
  if (keys.length === 0) return null
  const { docs } = await payload.find({
    collection: 'applicant-standings',
    where: { office: { equals: officeId }, applicantKey: { in: [...keys] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { noShowCount: true, refused: true },
  })
  for (const standing of docs) {
    const found = checkApplicantAccepted(
      { refusedByStaff: standing.refused === true, noShowCount: standing.noShowCount ?? 0 },
      policy,
    )
    if (found) return found
  }
  return null
}

/**
 * Counts one more no-show against an applicant key, creating the standing on the first. The label
 * names the booking, never the person, so the standing stays pseudonymous.
 */
export async function recordNoShow(
  payload: Payload,
  officeId: number | string,
  applicantKey: string,
  reference: string | null | undefined,
): Promise<void> {
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
      await payload.update({
        collection: 'applicant-standings',
        id: standing.id,
        data: { noShowCount: (standing.noShowCount ?? 0) + 1 },
        overrideAccess: true,
        depth: 0,
      })
      return
    }
    try {
      await payload.create({
        collection: 'applicant-standings',
        data: {
          office: officeId as number,
          applicantKey,
          label: reference ? `予約 ${reference} の申込者` : '申込者',
          noShowCount: 1,
        },
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
