import { createHmac } from 'node:crypto'
import type { Options, Store } from 'express-rate-limit'
import type { Payload, Where } from 'payload'

/**
 * A sliding-window counter of requests per address kept in the database, so that every server
 * process on it counts the same hits: N processes behind a load balancer give an address the
 * limit once, not N times. One row per hit (no read-modify-write, so no lost increments without
 * transactions); the count is the address's rows from the last `windowMs`, whatever the clock
 * says, so hits cannot straddle a window boundary to get twice the limit.
 */
export class SharedHitCounter implements Store {
  windowMs = 60_000
  // express-rate-limit: the counts live outside this process.
  readonly localKeys = false
  private lastPrunedAt = 0

  constructor(
    private readonly payload: Payload,
    private readonly name: string,
    private readonly secret: string,
    /** The time in ms; tests move it. */
    private readonly clock: () => number = Date.now,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  /** "limit|keyed hash of the address": the address itself is never stored. */
  private bucket(key: string): string {
    const hash = createHmac('sha256', this.secret).update(key).digest('base64url').slice(0, 22)
    return `${this.name}|${hash}`
  }

  private inWindow(key: string, now: number): Where {
    return {
      and: [
        { bucket: { equals: this.bucket(key) } },
        { at: { greater_than: new Date(now - this.windowMs).toISOString() } },
      ],
    }
  }

  /** The oldest ('at') or latest ('-at') hit of the address in the window. */
  private async edgeHit(key: string, now: number, sort: 'at' | '-at') {
    const { docs } = await this.payload.db.find<{ id: number | string; at: string }>({
      collection: 'address-hits',
      where: this.inWindow(key, now),
      sort,
      limit: 1,
      pagination: false,
    })
    return docs[0]
  }

  async get(key: string) {
    const now = this.clock()
    const { totalDocs } = await this.payload.db.count({
      collection: 'address-hits',
      where: this.inWindow(key, now),
    })
    // The count drops when the oldest hit in the window leaves it.
    const oldest = await this.edgeHit(key, now, 'at')
    const resetAt = oldest ? new Date(oldest.at).getTime() + this.windowMs : now + this.windowMs
    return { totalHits: totalDocs, resetTime: new Date(resetAt) }
  }

  async increment(key: string) {
    const now = this.clock()
    await this.payload.db.create({
      collection: 'address-hits',
      data: { bucket: this.bucket(key), at: new Date(now).toISOString() },
      returning: false,
    })
    await this.prune(now)
    return this.get(key)
  }

  /** Takes back the latest hit (express-rate-limit: a request that turned out not to count). */
  async decrement(key: string): Promise<void> {
    const hit = await this.edgeHit(key, this.clock(), '-at')
    if (hit) {
      await this.payload.db.deleteOne({
        collection: 'address-hits',
        where: { id: { equals: hit.id } },
      })
    }
  }

  async resetKey(key: string): Promise<void> {
    await this.payload.db.deleteMany({
      collection: 'address-hits',
      where: { bucket: { equals: this.bucket(key) } },
    })
  }

  private async prune(now: number): Promise<void> {
    if (now - this.lastPrunedAt < this.windowMs) return
    this.lastPrunedAt = now
    await this.payload.db.deleteMany({
      collection: 'address-hits',
      where: {
        and: [
          { bucket: { like: `${this.name}|` } },
          { at: { less_than: new Date(now - this.windowMs).toISOString() } },
        ],
      },
    })
  }
}
