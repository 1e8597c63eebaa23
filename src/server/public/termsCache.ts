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

export interface CachedResponse {
  status: number
  /** Header name → value; Cache-Control is added per request (it depends on the time). */
  headers: Record<string, string>
  body: Buffer
  etag: string | null
  fingerprint: string
}

export interface SnapshotStoreOptions<S> {
  load: (slug: string) => Promise<S | null>
  fingerprintOf: (snapshot: S) => string
  ttlMs: number
  now?: () => number
}

export interface StoredSnapshot<S> {
  snapshot: S | null
  fingerprint: string
  loadedAt: number
}

export class SnapshotStore<S> {
  private readonly entries = new Map<string, StoredSnapshot<S>>()
  private readonly loading = new Map<string, Promise<StoredSnapshot<S>>>()
  private generation = 0

  constructor(private readonly options: SnapshotStoreOptions<S>) {}

  /** The snapshot if one younger than the TTL is at hand: the synchronous hot path. */
  peek(slug: string): StoredSnapshot<S> | undefined {
    const stored = this.entries.get(slug)
    const now = (this.options.now ?? Date.now)()
    return stored && now - stored.loadedAt < this.options.ttlMs ? stored : undefined
  }

  async get(slug: string): Promise<StoredSnapshot<S>> {
    const now = (this.options.now ?? Date.now)()
    const stored = this.entries.get(slug)
    if (stored && now - stored.loadedAt < this.options.ttlMs) return stored
    const pending = this.loading.get(slug)
    if (pending) return pending
    const generation = this.generation
    const load = this.options
      .load(slug)
      .then((snapshot): StoredSnapshot<S> => {
        const entry = {
          snapshot,
          fingerprint: snapshot ? this.options.fingerprintOf(snapshot) : 'none',
          loadedAt: now,
        }
        // A load that started before an invalidation may hold old data: use it once, keep it not.
        if (generation === this.generation) {
          if (this.entries.size >= MAX_OFFICES) this.entries.clear()
          this.entries.set(slug, entry)
        }
        return entry
      })
      .finally(() => {
        if (this.loading.get(slug) === load) this.loading.delete(slug)
      })
    this.loading.set(slug, load)
    return load
  }

  invalidate(): void {
    this.generation++
    this.entries.clear()
    this.loading.clear()
  }
}

/** Unknown slugs are cached too (as null), so this bounds memory against made-up slugs. */
const MAX_OFFICES = 2_000
/** Keys include any valid ?at= date; past this many entries the cache starts over. */
const MAX_RESPONSES = 5_000

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>()

  get(key: string, fingerprint: string): CachedResponse | undefined {
    const entry = this.entries.get(key)
    return entry && entry.fingerprint === fingerprint ? entry : undefined
  }

  set(key: string, entry: CachedResponse): void {
    if (this.entries.size >= MAX_RESPONSES) this.entries.clear()
    this.entries.set(key, entry)
  }

  clear(): void {
    this.entries.clear()
  }
}

/** A strong ETag: it names these exact bytes (a strong validator must change with any byte). */
export function strongEtag(prefix: string, body: Buffer): string {
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 22)
  return `"${prefix}${digest}"`
}
