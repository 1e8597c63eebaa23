import type { Payload } from 'payload'

import { LoadingCache, PER_OFFICE_MAX } from '../../lib/loadingCache'
import { idOf } from '../../lib/ids'
import { tokyoDateOf } from '../../lib/tokyoTime'
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

/**
 * The same bound as the public terms pages: an edition published in this process is used by the
 * next booking (the change signal clears the cache), one published through another process on
 * the same database within this time. What applicants read and what they agree to stay in step.
 */
const PUBLISHED_EDITIONS_TTL_MS = 1_000

const caches = new WeakMap<Payload, LoadingCache<EditionInForce[]>>()

function cacheFor(payload: Payload): LoadingCache<EditionInForce[]> {
  let cache = caches.get(payload)
  if (!cache) {
    const created = new LoadingCache<EditionInForce[]>({
      ttlMs: PUBLISHED_EDITIONS_TTL_MS,
      max: PER_OFFICE_MAX,
    })
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
      policyId: idOf(edition.policy),
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
