import { createHmac } from 'node:crypto'
import type { Options, Store } from 'express-rate-limit'
import type { Payload } from 'payload'

/**
 * A fixed-window counter of requests per address kept in the database, so that every server
 * process on it counts the same hits: N processes behind a load balancer give an address the
 * limit once, not N times. One row per hit (no read-modify-write, so no lost increments without
 * transactions); the count is the rows in the address's current window.
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
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  private windowStart(now: number): number {
    return Math.floor(now / this.windowMs) * this.windowMs
  }

  /** "limit|keyed hash of the address|window start": the address itself is never stored. */
  private bucket(key: string, now: number): string {
    const hash = createHmac('sha256', this.secret).update(key).digest('base64url').slice(0, 22)
    return `${this.name}|${hash}|${this.windowStart(now)}`
  }

  async get(key: string) {
    const now = Date.now()
    const { totalDocs } = await this.payload.db.count({
      collection: 'address-hits',
      where: { bucket: { equals: this.bucket(key, now) } },
    })
    return { totalHits: totalDocs, resetTime: new Date(this.windowStart(now) + this.windowMs) }
  }

  async increment(key: string) {
    const now = Date.now()
    await this.payload.db.create({
      collection: 'address-hits',
      data: { bucket: this.bucket(key, now), at: new Date(now).toISOString() },
      returning: false,
    })
    await this.prune(now)
    return this.get(key)
  }

  async decrement(key: string): Promise<void> {
    const hit = await this.payload.db.findOne<{ id: number | string }>({
      collection: 'address-hits',
      where: { bucket: { equals: this.bucket(key, Date.now()) } },
    })
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
      where: { bucket: { equals: this.bucket(key, Date.now()) } },
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
          { at: { less_than: new Date(now - 2 * this.windowMs).toISOString() } },
        ],
      },
    })
  }
}
