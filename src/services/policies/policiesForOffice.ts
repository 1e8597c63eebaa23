import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'

import { LoadingCache, PER_OFFICE_MAX } from '../../lib/loadingCache'
import { governingPolicies } from '../../rules/booking/governingPolicies'
import { policyInForce } from '../../rules/booking/policyInForce'
import type { BookingPolicy } from '../../rules/booking/types'
import { publishedEditions, type EditionInForce } from '../bookings/termsInForce'
import { policyFromDoc, type ReservationPolicyDoc } from './policyFromDoc'

interface PolicyClosure {
  date: string
  reason: string | null
}

/** A stored policy: its id, the rules' view of it, and what the public view adds (closure reasons). */
export interface PolicyRecord {
  id: number | string
  effectiveFrom: string
  policy: BookingPolicy
  closures: PolicyClosure[]
}

/**
 * What governs from a date: the rules the terms in force print (from `termsPolicyId`) with the
 * capacity and closed days of the latest stored policy (`id`) by its own date.
 */
export interface GoverningRecord extends PolicyRecord {
  termsPolicyId: number | string
}

/**
 * Two seconds: long enough that the slot list under load reads memory, short enough that a policy
 * saved by another process (or edited in the database) governs listings almost at once. Booking
 * writes re-read nothing from here that could over-book: capacity is enforced by seatLock.
 */
const POLICY_CACHE_TTL_MS = 2_000

const cache = new LoadingCache<PolicyRecord[]>({ ttlMs: POLICY_CACHE_TTL_MS, max: PER_OFFICE_MAX })

function recordFromDoc(doc: ReservationPolicyDoc & { id: number | string }): PolicyRecord {
  const policy = policyFromDoc(doc)
  return {
    id: doc.id,
    effectiveFrom: policy.effectiveFrom,
    policy,
    closures: (doc.closures ?? []).map((row) => ({
      date: String(row.date ?? ''),
      reason: typeof row.reason === 'string' && row.reason !== '' ? row.reason : null,
    })),
  }
}

/** Every stored policy of an office, oldest effectiveFrom first; cached in-process (see LoadingCache). */
export function storedPoliciesForOffice(
  payload: Payload,
  officeId: number | string,
): Promise<PolicyRecord[]> {
  return cache.get(String(officeId), async () => {
    const { docs } = await payload.find({
      collection: 'reservation-policies',
      where: { office: { equals: officeId } },
      sort: 'effectiveFrom',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    return docs.map((doc) => recordFromDoc(doc as unknown as ReservationPolicyDoc & { id: number }))
  })
}

/** The last result per office, valid while both cached inputs are the very same objects. */
const combined = new LRUCache<
  string,
  { stored: PolicyRecord[]; editions: EditionInForce[]; result: GoverningRecord[] }
>({ max: PER_OFFICE_MAX })

/** What governs an office's bookings, and the published editions that decided it. */
export interface OfficeGovernance {
  records: GoverningRecord[]
  editions: EditionInForce[]
}

/**
 * What governs an office's bookings, oldest first, for policyRecordInForce: the stored policies
 * as the published terms carry them (rules/booking/governingPolicies), with those editions.
 * Recomputed only when either cached input is reloaded.
 */
export async function officeGovernance(
  payload: Payload,
  officeId: number | string,
): Promise<OfficeGovernance> {
  const [stored, editions] = await Promise.all([
    storedPoliciesForOffice(payload, officeId),
    publishedEditions(payload, officeId),
  ])
  const key = String(officeId)
  const memo = combined.get(key)
  if (memo && memo.stored === stored && memo.editions === editions) {
    return { records: memo.result, editions }
  }
  const result = governingPolicies(stored, editions).map((entry) => ({
    id: entry.operationalSource.id,
    termsPolicyId: entry.termsSource.id,
    effectiveFrom: entry.effectiveFrom,
    policy: entry.policy,
    closures: entry.operationalSource.closures,
  }))
  combined.set(key, { stored, editions, result })
  return { records: result, editions }
}

/** What governs an office's bookings, oldest first (see officeGovernance). */
export async function policiesForOffice(
  payload: Payload,
  officeId: number | string,
): Promise<GoverningRecord[]> {
  return (await officeGovernance(payload, officeId)).records
}

/** Drops an office's cached policies; called by the collection's afterChange/afterDelete hooks. */
export function forgetPoliciesForOffice(officeId: number | string): void {
  cache.forget(String(officeId))
}

/** The record governing an instant (a slot's start), or null before the first policy. */
export function policyRecordInForce<R extends PolicyRecord>(
  records: readonly R[],
  instant: Date,
): R | null {
  return policyInForce(records, instant)
}
