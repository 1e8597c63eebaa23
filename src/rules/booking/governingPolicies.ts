import { termsBoundPart } from './termsBoundFields'
import type { BookingPolicy } from './types'

/** A stored policy as the timeline needs it; `extra` travels with its operational part. */
export interface StoredPolicy {
  id: number | string
  effectiveFrom: string
  policy: BookingPolicy
}

/** A published edition: its date and the policy it was composed from (null when imported). */
export interface PublishedEditionLink {
  effectiveFrom: string
  policyId: number | string | null
}

export interface GoverningPolicy<P extends StoredPolicy> {
  /** First JST date this combination governs. */
  effectiveFrom: string
  /** The combined rules: terms-bound fields from `termsSource`, operational ones from `operationalSource`. */
  policy: BookingPolicy
  /** The stored policy the terms in force print. */
  termsSource: P
  /** The latest stored policy by its own date: capacity and closed days come from it. */
  operationalSource: P
}

function latestOnOrBefore<P extends { effectiveFrom: string }>(
  items: readonly P[],
  date: string,
): P | null {
  let found: P | null = null
  for (const item of items)
    if (item.effectiveFrom <= date && (!found || item.effectiveFrom >= found.effectiveFrom))
      found = item
  return found
}

/**
 * The policy the published terms carry for an edition: the one it was composed from, or, for an
 * imported edition (or one whose policy is gone), the latest stored policy on its date.
 */
export function policyOfEdition<P extends StoredPolicy>(
  policies: readonly P[],
  edition: PublishedEditionLink,
): P | null {
  if (edition.policyId !== null) {
    const linked = policies.find((p) => String(p.id) === String(edition.policyId))
    if (linked) return linked
  }
  return latestOnOrBefore(policies, edition.effectiveFrom)
}

/**
 * What governs bookings, as a list of dated entries (oldest first) for policyInForce. A change the
 * terms print is enforced only from the effective date of the published edition that carries it
 * (publishing that edition already required its notice period); until then a slot follows the
 * policy tied to the edition in force on the slot's date. Capacity and closed days follow the
 * stored policies by their own dates. Before an office's first published edition there are no
 * terms to follow, so the stored policies govern as they are (a booking then fails on consent).
 */
export function governingPolicies<P extends StoredPolicy>(
  policies: readonly P[],
  editions: readonly PublishedEditionLink[],
): GoverningPolicy<P>[] {
  const sortedEditions = [...editions].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
  )
  const dates = [...new Set([...policies, ...sortedEditions].map((x) => x.effectiveFrom))].sort()
  const result: GoverningPolicy<P>[] = []
  for (const date of dates) {
    const operationalSource = latestOnOrBefore(policies, date)
    if (!operationalSource) continue
    const edition = latestOnOrBefore(sortedEditions, date)
    const termsSource = (edition && policyOfEdition(policies, edition)) ?? operationalSource
    const previous = result.at(-1)
    if (
      previous &&
      previous.termsSource === termsSource &&
      previous.operationalSource === operationalSource
    )
      continue
    result.push({
      effectiveFrom: date,
      policy: {
        ...termsBoundPart(termsSource.policy),
        capacityPerSlot: operationalSource.policy.capacityPerSlot,
        closures: operationalSource.policy.closures,
        effectiveFrom: date,
      },
      termsSource,
      operationalSource,
    })
  }
  return result
}
