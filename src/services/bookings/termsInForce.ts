import type { Payload } from 'payload'

import { tokyoDateOf } from '../../rules/booking/tokyo'

export interface EditionInForce {
  id: number | string
  number: number
  effectiveFrom: string
  contentHash: string | null
}

/**
 * The published terms edition in force for an office at an instant: of the published editions
 * whose effectiveFrom (00:00 JST) has arrived by the instant's JST date, the latest.
 * Not cached: a newly published edition must be what the next applicant agrees to.
 */
export async function publishedEditionInForce(
  payload: Payload,
  officeId: number | string,
  at: Date,
): Promise<EditionInForce | null> {
  const { docs } = await payload.find({
    collection: 'terms-editions',
    where: {
      office: { equals: officeId },
      status: { equals: 'published' },
      effectiveFrom: { less_than_equal: tokyoDateOf(at) },
    },
    sort: '-effectiveFrom',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { number: true, effectiveFrom: true, contentHash: true },
  })
  const edition = docs[0]
  if (!edition) return null
  return {
    id: edition.id,
    number: edition.number,
    effectiveFrom: edition.effectiveFrom,
    contentHash: edition.contentHash ?? null,
  }
}
