import type { Payload } from 'payload'

import { docFromPolicy } from '../services/policies/policyFromDoc'
import type { OfficeIds } from './officeIds'
import { demoPolicies } from './policies'

/**
 * The demo offices' policies (src/seed/policies.ts). Idempotent: a policy is created only when the
 * office has none for that effective date, so edits made in the admin survive restarts.
 * Their effectiveFrom lies in the past, which only seeding may do (context.seeding).
 */
export async function seedPolicies(payload: Payload, officeIds: OfficeIds): Promise<void> {
  for (const [slug, policy] of Object.entries(demoPolicies)) {
    const officeId = officeIds.get(slug)
    if (officeId === undefined) continue
    const existing = await payload.count({
      collection: 'reservation-policies',
      where: { office: { equals: officeId }, effectiveFrom: { equals: policy.effectiveFrom } },
      overrideAccess: true,
    })
    if (existing.totalDocs > 0) continue
    await payload.create({
      collection: 'reservation-policies',
      data: { ...docFromPolicy(policy), office: officeId as number },
      overrideAccess: true,
      context: { seeding: true },
    })
  }
}
