import express, { Router, type Request } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'
import type { Logger } from 'pino'

import type { KiyakuEnv } from '../../config/env'
import { errorBody } from '../errors'
import { bookingRoutes } from './bookings'
import { officesRoutes } from './offices'
import { termsRoutes } from './terms'

export interface PublicRouteDependencies {
  payload: Payload
  env: KiyakuEnv
  logger: Logger
}

const CACHED_PUBLIC_READ = /^\/offices(\/[^/]+\/(terms|notices)(\/|\.atom$|$).*)?$/

function isCachedPublicRead(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && CACHED_PUBLIC_READ.test(req.path)
}

/** The public, login-free API under /public/v1. */
export function publicRouter(deps: PublicRouteDependencies): Router {
  const router = Router()
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: deps.env.publicRateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      // Published terms and notices are served from an in-process cache and are meant to be
      // embedded and polled; counting them would cost more than serving them.
      skip: isCachedPublicRead,
      handler: (_req, res) => {
        res
          .status(429)
          .json(
            errorBody(
              'rate_limited',
              'リクエストが多すぎます。しばらくしてから再度お試しください。',
            ),
          )
      },
    }),
  )
  router.post('/{*path}', express.json({ limit: '32kb' }))
  router.use(officesRoutes(deps))
  router.use(termsRoutes(deps))
  router.use(bookingRoutes(deps))
  return router
}
