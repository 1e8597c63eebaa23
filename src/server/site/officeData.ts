import type { Payload } from 'payload'

import { tokyoDateOf } from '../../lib/tokyoTime'
import {
  policiesForOffice,
  policyRecordInForce,
  type PolicyRecord,
} from '../../services/policies/policiesForOffice'
import {
  editionsAround,
  loadOfficeTermsSnapshot,
  type OfficeTermsSnapshot,
  type PublicEdition,
  type PublicNotice,
} from '../public/termsSnapshot'

/** Everything a site page shows about an office, read through the Local API. */
export interface SiteOffice {
  id: number | string
  slug: string
  name: string
  prefecture: string | null
  phone: string | null
  email: string | null
  records: PolicyRecord[]
  /** The policy in force now. */
  inForce: PolicyRecord | null
  terms: OfficeTermsSnapshot
  edition: PublicEdition | null
  upcoming: PublicEdition | null
  upcomingNotice: PublicNotice | null
}

export async function siteOffice(
  payload: Payload,
  slug: string,
  now: Date = new Date(),
): Promise<SiteOffice | null> {
  const terms = await loadOfficeTermsSnapshot(payload, slug)
  if (!terms) return null
  const { docs } = await payload.find({
    collection: 'offices',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  const office = docs[0]
  if (!office) return null
  const records = await policiesForOffice(payload, office.id)
  const { inForce, upcoming } = editionsAround(terms, tokyoDateOf(now))
  return {
    id: office.id,
    slug: office.slug,
    name: office.name,
    prefecture: office.prefecture ?? null,
    phone: office.phone ?? null,
    email: office.email ?? null,
    records,
    inForce: policyRecordInForce(records, now),
    terms,
    edition: inForce,
    upcoming,
    upcomingNotice: upcoming
      ? (terms.notices.find((notice) => notice.editionNumber === upcoming.number) ?? null)
      : null,
  }
}

/** All offices, in slug order, with the policy in force now. */
export async function siteOffices(
  payload: Payload,
  now: Date = new Date(),
): Promise<
  { slug: string; name: string; prefecture: string | null; inForce: PolicyRecord | null }[]
> {
  const { docs } = await payload.find({
    collection: 'offices',
    limit: 1000,
    sort: 'slug',
    depth: 0,
    overrideAccess: false,
  })
  return Promise.all(
    docs.map(async (office) => ({
      slug: office.slug,
      name: office.name,
      prefecture: office.prefecture ?? null,
      inForce: policyRecordInForce(await policiesForOffice(payload, office.id), now),
    })),
  )
}
