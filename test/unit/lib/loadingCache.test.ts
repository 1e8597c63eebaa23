import { describe, expect, it } from 'vitest'

import { LoadingCache } from '../../../src/lib/loadingCache'

describe('LoadingCache', () => {
  it('peeks only at a finished, fresh load', async () => {
    const cache = new LoadingCache<string>({ ttlMs: 1_000, max: 10 })
    const pending = cache.get('office', async () => 'snapshot', 5_000)
    expect(cache.peek('office', 5_000)).toBeUndefined()
    await pending
    expect(cache.peek('office', 5_999)).toBe('snapshot')
    expect(cache.peek('office', 6_000)).toBeUndefined()
  })

  it('answers those waiting on a load cleared meanwhile, but does not keep it', async () => {
    const cache = new LoadingCache<number>({ ttlMs: 1_000, max: 10 })
    let release!: (value: number) => void
    const old = cache.get('x', () => new Promise<number>((resolve) => (release = resolve)), 0)
    cache.clear()
    release(1)
    expect(await old).toBe(1)
    expect(await cache.get('x', async () => 2, 1)).toBe(2)
  })

  it('keeps at most `max` keys, dropping the least recently used', async () => {
    const cache = new LoadingCache<string>({ ttlMs: 1_000, max: 2 })
    for (const key of ['a', 'b', 'a', 'c']) await cache.get(key, async () => key, 0)
    expect(cache.peek('a', 1)).toBe('a')
    expect(cache.peek('b', 1)).toBeUndefined()
    expect(cache.peek('c', 1)).toBe('c')
  })
})
