import type { PayloadRequest } from 'payload'

import { policyOfEdition } from '../../rules/booking/governingPolicies'
import { idOf } from '../../lib/ids'
import { policyFromDoc, type ReservationPolicyDoc } from './policyFromDoc'

/**
 * The numbers of the editions that print a stored policy: published ones, and drafts whose change
 * notice is already public (the notice told users what the new terms say). Read fresh, with the
 * request, so a hook sees what its own transaction sees.
 */
export async function editionsPrintingPolicy(
  req: PayloadRequest,
  officeId: number | string,
  policyId: number | string,
): Promise<number[]> {
  const { payload } = req
  const [policies, editions, notices] = await Promise.all([
    payload.find({
      collection: 'reservation-policies',
      where: { office: { equals: officeId } },
      sort: 'effectiveFrom',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    payload.find({
      collection: 'terms-editions',
      where: { office: { equals: officeId } },
      sort: 'effectiveFrom',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { number: true, effectiveFrom: true, policy: true, status: true },
      req,
    }),
    payload.find({
      collection: 'change-notices',
      where: { office: { equals: officeId }, status: { equals: 'published' } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { edition: true },
      req,
    }),
  ])
  const announced = new Set(notices.docs.map((notice) => String(idOf(notice.edition))))
  const stored = policies.docs.map((doc) => ({
    id: doc.id,
    effectiveFrom: String(doc.effectiveFrom),
    policy: policyFromDoc(doc as unknown as ReservationPolicyDoc),
  }))
  return editions.docs
    .filter((edition) => edition.status === 'published' || announced.has(String(edition.id)))
    .filter((edition) => {
      const printed = policyOfEdition(stored, {
        effectiveFrom: edition.effectiveFrom,
        policyId: idOf(edition.policy),
      })
      return printed !== null && String(printed.id) === String(policyId)
    })
    .map((edition) => edition.number)
}
