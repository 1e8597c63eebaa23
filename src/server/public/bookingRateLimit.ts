import type { RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit, type Options, type Store } from 'express-rate-limit'
import type { Payload } from 'payload'

import { SharedHitCounter } from '../../services/rateLimits/sharedHitCounter'
import { errorBody } from '../errors'

export const RATE_LIMITED_MESSAGE = 'リクエストが多すぎます。しばらくしてから再度お試しください。'

/**
 * Successful bookings per address. Only bookings that were made count, and they are counted after
 * the fact: a burst of simultaneous requests for one seat must come back 202/409, not 429, while
 * one address still cannot fill an office's calendar. Failed attempts are bounded by the public
 * router's per-minute limit. Counted in the database (`address-hits`, keyed hashes of the address
 * only) over a sliding hour, so the limit holds across server processes.
 */
export class SuccessfulBookingLimit {
  constructor(
    private readonly counter: SharedHitCounter,
    readonly limit: number,
  ) {}

  /** Seconds until the address may book again; 0 while it is under the limit. */
  async retryAfterSeconds(key: string): Promise<number> {
    const { totalHits, resetTime } = await this.counter.get(key)
    if (totalHits < this.limit) return 0
    return Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000))
  }

  async record(key: string): Promise<void> {
    await this.counter.increment(key)
  }
}

export const BOOKINGS_PER_ADDRESS = 30
const BOOKING_LIMIT_WINDOW_MS = 60 * 60_000

const successfulBookingLimits = new WeakMap<object, SuccessfulBookingLimit>()

/** One limit per server (keyed by its Payload), shared by the JSON API and the booking site. */
export function successfulBookingLimitOf(payload: Payload, secret: string): SuccessfulBookingLimit {
  let limit = successfulBookingLimits.get(payload)
  if (!limit) {
    const counter = new SharedHitCounter(payload, 'bookings-address', secret)
    counter.init({ windowMs: BOOKING_LIMIT_WINDOW_MS } as Options)
    limit = new SuccessfulBookingLimit(counter, BOOKINGS_PER_ADDRESS)
    successfulBookingLimits.set(payload, limit)
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
