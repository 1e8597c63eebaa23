import type { Payload } from 'payload'

import { tokyoDateOf } from '../../rules/booking/tokyo'
import { KeyedCache } from '../policies/keyedCache'
import { onTermsChanged } from '../terms/changeSignal'
import { editionInForceOn } from '../terms/queries'

export interface EditionInForce {
  id: number | string
  number: number
  effectiveFrom: string
  contentHash: string | null
  /** The reservation policy the edition was composed from; null when it was imported. */
  policyId: number | string | null
}

function idOfRelation(value: unknown): number | string | null {
  if (value && typeof value === 'object' && 'id' in value) return idOfRelation(value.id)
  return typeof value === 'number' || typeof value === 'string' ? value : null
}

/**
 * The same bound as the public terms pages: an edition published in this process is used by the
 * next booking (the change signal clears the cache), one published through another process on
 * the same database within this time. What applicants read and what they agree to stay in step.
 */
const PUBLISHED_EDITIONS_TTL_MS = 1_000

const caches = new WeakMap<Payload, KeyedCache<EditionInForce[]>>()

function cacheFor(payload: Payload): KeyedCache<EditionInForce[]> {
  let cache = caches.get(payload)
  if (!cache) {
    const created = new KeyedCache<EditionInForce[]>(PUBLISHED_EDITIONS_TTL_MS)
    onTermsChanged(payload, () => created.clear())
    caches.set(payload, created)
    cache = created
  }
  return cache
}

/** An office's published editions, oldest effectiveFrom first. Published editions never change. */
export function publishedEditions(
  payload: Payload,
  officeId: number | string,
): Promise<EditionInForce[]> {
  return cacheFor(payload).get(String(officeId), async () => {
    const { docs } = await payload.find({
      collection: 'terms-editions',
      where: { office: { equals: officeId }, status: { equals: 'published' } },
      sort: 'effectiveFrom',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { number: true, effectiveFrom: true, contentHash: true, policy: true },
    })
    return docs.map((edition) => ({
      id: edition.id,
      number: edition.number,
      effectiveFrom: edition.effectiveFrom,
      contentHash: edition.contentHash ?? null,
      policyId: idOfRelation(edition.policy),
    }))
  })
}

/**
 * The published terms edition in force for an office at an instant: of the published editions
 * whose effectiveFrom (00:00 JST) has arrived by the instant's JST date, the latest.
 */
export async function publishedEditionInForce(
  payload: Payload,
  officeId: number | string,
  at: Date,
): Promise<EditionInForce | null> {
  return editionInForceAt(await publishedEditions(payload, officeId), at)
}

/** Of an office's published editions (publishedEditions), the one in force at an instant. */
export function editionInForceAt(
  editions: readonly EditionInForce[],
  at: Date,
): EditionInForce | null {
  return editionInForceOn(editions, tokyoDateOf(at))
}

/** Of an office's published editions, the one by its number (第N版), or null. */
export function editionNumbered(
  editions: readonly EditionInForce[],
  editionNumber: number,
): EditionInForce | null {
  return editions.find((edition) => edition.number === editionNumber) ?? null
}
