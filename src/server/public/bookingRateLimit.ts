import type { RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit'

import { errorBody } from '../errors'

export const RATE_LIMITED_MESSAGE = 'リクエストが多すぎます。しばらくしてから再度お試しください。'

/**
 * Successful bookings per address. Only bookings that were made count, and they are counted after
 * the fact: a burst of simultaneous requests for one seat must come back 202/409, not 429, while
 * one address still cannot fill an office's calendar. Failed attempts are bounded by the public
 * router's per-minute limit.
 */
export class SuccessfulBookingLimit {
  /**
   * A plain Map, not lru-cache: an address's count must last its whole window. A size-bounded
   * cache would evict live counts under a flood of addresses and so lift the limit; here only
   * counts whose window has ended are dropped.
   */
  private readonly counts = new Map<string, { count: number; resetAt: number }>()

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private current(key: string, now: number) {
    const entry = this.counts.get(key)
    if (!entry || entry.resetAt <= now) return undefined
    return entry
  }

  isExhausted(key: string, now = Date.now()): boolean {
    return (this.current(key, now)?.count ?? 0) >= this.limit
  }

  record(key: string, now = Date.now()): void {
    const entry = this.current(key, now)
    if (entry) entry.count++
    else this.counts.set(key, { count: 1, resetAt: now + this.windowMs })
    if (this.counts.size > 10_000) {
      for (const [stale, value] of this.counts) if (value.resetAt <= now) this.counts.delete(stale)
    }
  }
}

export const BOOKINGS_PER_ADDRESS = 30
const BOOKING_LIMIT_WINDOW_MS = 60 * 60_000

const successfulBookingLimits = new WeakMap<object, SuccessfulBookingLimit>()

/** One count per server (keyed by its Payload), shared by the JSON API and the booking site. */
export function successfulBookingLimitOf(server: object): SuccessfulBookingLimit {
  let limit = successfulBookingLimits.get(server)
  if (!limit) {
    limit = new SuccessfulBookingLimit(BOOKINGS_PER_ADDRESS, BOOKING_LIMIT_WINDOW_MS)
    successfulBookingLimits.set(server, limit)
  }
  return limit
}

export function addressKey(ip: string | undefined): string {
  return ipKeyGenerator(ip ?? 'unknown')
}

/** The most wrong or spent link tokens one address may present per minute. */
export const WRONG_TOKENS_PER_MINUTE = 10

/**
 * Counts only failed token requests (any 4xx/5xx): people following their own links are never
 * limited, but guessing tokens stops after ten misses a minute. The count is kept in the
 * database (`store`), so it holds across all server processes.
 */
export function wrongTokenLimit(respond: RequestHandler, store: Store): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: WRONG_TOKENS_PER_MINUTE,
    skipSuccessfulRequests: true,
    store,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: respond,
  })
}

export function rateLimitedJson(): ReturnType<typeof errorBody> {
  return errorBody('rate_limited', RATE_LIMITED_MESSAGE)
}
