interface Entry<T> {
  value: Promise<T>
  expiresAt: number
}

/**
 * A small in-process cache of values loaded per key (an office), for the read paths that must be
 * fast (the public slot list). Correctness stays simple on purpose:
 * - entries live for `ttlMs` at most, so a change made by another process shows within that time;
 * - `forget(key)` drops the entry at once for changes made in this process (collection hooks), so
 *   the next read loads afresh (a load already under way is not stored again: the entry is
 *   replaced before any load resolves);
 * - concurrent misses share one load, and a failed load is not kept.
 * Writes never trust this cache: capacity is enforced in the database (seatLock).
 */
export class KeyedCache<T> {
  private readonly entries = new Map<string, Entry<T>>()

  constructor(private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const cached = this.entries.get(key)
    if (cached && cached.expiresAt > now) return cached.value
    const entry: Entry<T> = { value: load(), expiresAt: now + this.ttlMs }
    this.entries.set(key, entry)
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key)
    })
    return entry.value
  }

  forget(key: string): void {
    this.entries.delete(key)
  }

  clear(): void {
    this.entries.clear()
  }
}
