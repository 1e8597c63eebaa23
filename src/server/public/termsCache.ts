/**
 * In-process cache for the public terms routes.
 *
 * Two layers. A snapshot of each office's published editions and notices is read from the
 * database at most once per TTL (1 s by default) per process, with concurrent readers sharing one
 * query. Rendered responses (bytes, ETag) are kept per office + JST date + variant and are reused
 * only while the snapshot they were rendered from is unchanged (same fingerprint).
 *
 * Freshness: a write in this process signals the cache (afterChange/afterDelete hooks) and the
 * next request reads the database again. Other processes on the same database see the change
 * once their snapshot is older than the TTL, so every process serves a change within
 * TTL + one query of its commit. The JST date is part of every key and is resolved per request,
 * so at 00:00 JST the next edition is served at once, whatever the TTL.
 */
import { createHash } from 'node:crypto'
import type { Payload } from 'payload'

import { LoadingCache, PER_OFFICE_MAX } from '../../lib/loadingCache'
import { onTermsChanged } from '../../services/terms/changeSignal'
import {
  loadOfficeTermsSnapshot,
  snapshotFingerprint,
  type OfficeTermsSnapshot,
} from './termsSnapshot'

export interface CachedResponse {
  status: number
  /** Header name → value; Cache-Control is added per request (it depends on the time). */
  headers: Record<string, string>
  body: Buffer
  etag: string | null
  fingerprint: string
}

export interface StoredSnapshot {
  snapshot: OfficeTermsSnapshot | null
  fingerprint: string
}

/** Keys include any valid ?at= date; past this many the least recently used go first. */
export const MAX_RESPONSES = 5_000

/**
 * Each office's snapshot with its fingerprint, read at most once per TTL per slug (concurrent
 * readers share one query) and dropped at once when this process changes any terms.
 */
export function officeSnapshots(payload: Payload, ttlMs: number) {
  const cache = new LoadingCache<StoredSnapshot>({ ttlMs, max: PER_OFFICE_MAX })
  onTermsChanged(payload, () => cache.clear())
  const load = async (slug: string): Promise<StoredSnapshot> => {
    const snapshot = await loadOfficeTermsSnapshot(payload, slug)
    return { snapshot, fingerprint: snapshot ? snapshotFingerprint(snapshot) : 'none' }
  }
  return {
    /** The snapshot if one younger than the TTL is at hand: the synchronous hot path. */
    peek: (slug: string) => cache.peek(slug),
    get: (slug: string) => cache.get(slug, () => load(slug)),
  }
}

/** A strong ETag: it names these exact bytes (a strong validator must change with any byte). */
export function strongEtag(prefix: string, body: Buffer): string {
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 22)
  return `"${prefix}${digest}"`
}
