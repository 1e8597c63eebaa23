import express, { Router } from 'express'
import { rateLimit } from 'express-rate-limit'

import { errorBody } from '../errors'
import { bookingRoutes } from './bookings'
import type { PublicRouteDependencies } from './dependencies'
import { officesRoutes } from './offices'
import { openApiRoutes } from './openapi'
import { termsRoutes } from './terms'
import { termsEmbedRoutes } from './termsEmbed'

/** The public, login-free API under /public/v1. */
export function publicRouter(deps: PublicRouteDependencies): Router {
  const router = Router()
  // Published terms and notices come from an in-process cache and are meant to be embedded and
  // polled: they are routed before the rate limit, which would cost more than serving them.
  router.use(termsRoutes(deps))
  router.use(termsEmbedRoutes(deps))
  router.use(openApiRoutes(deps))
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: deps.env.publicRateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
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
  router.use(bookingRoutes(deps))
  return router
}
