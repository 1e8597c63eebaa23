import type { Request, RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit'
import type { Payload } from 'payload'

import { SharedHitCounter } from '../services/rateLimits/sharedHitCounter'
import { errorBody } from './errors'

/** The window every sign-in limit counts in. */
const AUTH_LIMIT_WINDOW_MS = 15 * 60_000
/** Wrong passwords one address may try against one account per window. */
const FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS = 10
/** Sign-in requests (failed logins, password resets, unlocks) one address may send per window. */
const AUTH_REQUESTS_PER_ADDRESS = 30

/** The one address-hits bucket of every sign-in request per address (see authRateLimits). */
const AUTH_ADDRESS_BUCKET = 'auth-address'

const AUTH_PATHS = new Set(['/users/login', '/users/forgot-password', '/users/unlock'])
/** Payload's GraphQL twins of the routes above; they would bypass the limits. */
const GRAPHQL_AUTH_MUTATION = /\b(?:loginUser|forgotPasswordUser|unlockUser|resetPasswordUser)\b/

function emailOf(req: Request): string {
  if (!Buffer.isBuffer(req.body)) return ''
  try {
    const parsed = JSON.parse(req.body.toString('utf8')) as { email?: unknown }
    return typeof parsed.email === 'string' ? parsed.email.trim().toLowerCase() : ''
  } catch {
    return ''
  }
}

function addressOf(req: Request): string {
  return ipKeyGenerator(req.ip ?? 'unknown')
}

function limiter(
  store: Store,
  limit: number,
  key: (req: Request) => string,
  skipSuccessfulRequests: boolean,
) {
  return rateLimit({
    windowMs: AUTH_LIMIT_WINDOW_MS,
    limit,
    store,
    keyGenerator: key,
    skipSuccessfulRequests,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res
        .status(429)
        .json(
          errorBody(
            'rate_limited',
            'ログインの試行が多すぎます。しばらくしてから再度お試しください。',
          ),
        )
    },
  })
}

/**
 * Sign-in limits, counted in the database (`address-hits`, keyed hashes only) so that they hold
 * across server processes; over a limit the answer is 429 with Retry-After.
 *
 * Wrong passwords are limited per account *and* address, not per account: a stranger who guesses
 * at an account blocks only their own address for it, never the account's owner. Payload's own
 * account lockout is therefore off (it let anyone lock any account, HQ included, for good by
 * repeating ten wrong passwords). Each address is also limited across all accounts, so one
 * password cannot be tried against every account. Expects the body already read (apiBodyLimit).
 */
export function authRateLimits(payload: Payload, secret: string): RequestHandler {
  const perAccount = limiter(
    new SharedHitCounter(payload, 'login-account-address', secret),
    FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS,
    (req) => `${emailOf(req)}|${addressOf(req)}`,
    true,
  )
  // One allowance per address for every sign-in request: failed logins, and every reset or unlock
  // request (those answer 200 whether or not the account exists, so each one counts). Shared on
  // purpose, not a bucket per route: with separate buckets one address would get the limit once
  // for password guesses and again for reset mails sent to other people's inboxes, and the
  // limit the README states ("sign-in requests per address") would be three limits. A reset or
  // unlock spends a wrong password's place, which costs an honest user nothing at these numbers.
  // Two stores of one name share their rows (express-rate-limit wants a store per limiter).
  const addressHits = () => new SharedHitCounter(payload, AUTH_ADDRESS_BUCKET, secret)
  const failedLoginsPerAddress = limiter(addressHits(), AUTH_REQUESTS_PER_ADDRESS, addressOf, true)
  const requestsPerAddress = limiter(addressHits(), AUTH_REQUESTS_PER_ADDRESS, addressOf, false)
  return (req, res, next) => {
    if (req.method !== 'POST') return next()
    const isGraphqlAuth =
      req.path === '/graphql' &&
      Buffer.isBuffer(req.body) &&
      GRAPHQL_AUTH_MUTATION.test(req.body.toString('utf8'))
    if (isGraphqlAuth) {
      res
        .status(400)
        .json(
          errorBody(
            'auth_over_graphql_unavailable',
            'ログイン等の操作は REST（/api/users/…）で行ってください。',
          ),
        )
      return
    }
    // Payload's router matches paths case-insensitively and with a trailing slash.
    const path = req.path.toLowerCase().replace(/\/+$/, '')
    if (!AUTH_PATHS.has(path)) return next()
    if (path !== '/users/login') return requestsPerAddress(req, res, next)
    failedLoginsPerAddress(req, res, (error?: unknown) => {
      if (error) return next(error)
      perAccount(req, res, next)
    })
  }
}
