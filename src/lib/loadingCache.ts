import { LRUCache } from 'lru-cache'

export interface LoadingCacheOptions {
  /** How long a load is used, counted from when it started. */
  ttlMs: number
  /** Keys kept at most; the least recently used goes first. */
  max: number
}

interface Entry<T> {
  value: Promise<T>
  /** Set once the load has succeeded, for the synchronous peek. */
  loaded?: { value: T }
}

/**
 * Values loaded per key (an office, a slug) for the read paths that must be fast, on lru-cache.
 * Correctness stays simple on purpose:
 * - a load is used for `ttlMs` from its start, so a change made by another process shows within
 *   that time plus one load;
 * - `forget(key)` and `clear()` drop entries at once for changes made in this process (collection
 *   hooks); a load already under way still answers those waiting for it, but is not kept;
 * - concurrent misses share one load, and a failed load is not kept.
 * Writes never trust a cache: capacity is enforced in the database (seatLock).
 */
export class LoadingCache<T> {
  private readonly entries: LRUCache<string, Entry<T>>
  private clock = 0

  constructor({ ttlMs, max }: LoadingCacheOptions) {
    if (!(Number.isInteger(ttlMs) && ttlMs >= 2)) throw new RangeError(`ttlMs: ${ttlMs}`)
    this.entries = new LRUCache<string, Entry<T>>({
      max,
      // lru-cache calls an entry stale once its age exceeds `ttl`, and reads a start time of 0 as
      // "no TTL". Here an entry expires when its age reaches ttlMs (whole ms, Date.now's clock) and
      // callers may count time from 0, so its clock runs one ms ahead and its ttl is one ms shorter.
      ttl: ttlMs - 1,
      perf: { now: () => this.clock },
      // Read the clock on every check (no timer-debounced reading): callers pass their own `now`.
      ttlResolution: 0,
    })
  }

  get(key: string, load: () => Promise<T>, now: number = Date.now()): Promise<T> {
    this.clock = now + 1
    const cached = this.entries.get(key)
    if (cached) return cached.value
    const entry: Entry<T> = { value: load() }
    this.entries.set(key, entry)
    entry.value.then(
      (value) => {
        entry.loaded = { value }
      },
      () => {
        if (this.entries.peek(key, { allowStale: true }) === entry) this.entries.delete(key)
      },
    )
    return entry.value
  }

  /** The loaded value if a fresh one is at hand, without loading: the synchronous hot path. */
  peek(key: string, now: number = Date.now()): T | undefined {
    this.clock = now + 1
    return this.entries.peek(key)?.loaded?.value
  }

  forget(key: string): void {
    this.entries.delete(key)
  }

  clear(): void {
    this.entries.clear()
  }
}

/** Keys kept per office or slug: far above the number of offices, and a bound against made-up slugs. */
export const PER_OFFICE_MAX = 2_000
