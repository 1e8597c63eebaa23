import { randomUUID } from 'node:crypto'
import express, { type Express, type RequestHandler } from 'express'
import helmet from 'helmet'
import type { Payload } from 'payload'
import { pinoHttp } from 'pino-http'
import type { Logger } from 'pino'

import type { KiyakuEnv } from '../config/env'
import { errorBody, publicErrorHandler } from './errors'
import { withoutQuery } from './logger'
import { apiBodyLimit } from './apiBodyLimit'
import { authRateLimits } from './authRateLimits'
import { operationsRouter, requestMetrics } from './operations'
import { payloadApiHandler } from './payloadBridge'
import { publicRouter } from './public'
import { publicPagesCsp } from './publicPagesCsp'
import { siteRouter } from './site'

export interface AppDependencies {
  payload: Payload
  env: KiyakuEnv
  logger: Logger
  /** Next.js admin panel; absent when the admin is not built (tests, KIYAKU_ADMIN=off). */
  adminHandler?: RequestHandler
  /**
   * Routes of a program that embeds Kiyaku (the benchmarks' bench/serve.ts), mounted after
   * logging, security headers and the health routes and ahead of every Kiyaku route, so that
   * middleware among them also sees the requests Kiyaku serves.
   */
  extraRoutes?: ExtraRoutes
}

export type ExtraRoutes = (app: Express, dependencies: { payload: Payload; env: KiyakuEnv }) => void

export async function isDatabaseUp(payload: Payload): Promise<boolean> {
  try {
    await Promise.race([
      payload.db.count({ collection: 'offices', where: {} }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 3000)),
    ])
    return true
  } catch {
    return false
  }
}

export function createApp({
  payload,
  env,
  logger,
  adminHandler,
  extraRoutes,
}: AppDependencies): Express {
  const app = express()
  app.disable('x-powered-by')
  // Whose X-Forwarded-For decides req.ip, which every per-address limit counts by (TRUST_PROXY).
  app.set('trust proxy', env.trustProxy)

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id']
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID()
        res.setHeader('x-request-id', id)
        return id
      },
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: withoutQuery(req.url) }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  )
  app.use(requestMetrics(payload))

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The Next.js admin inlines its bootstrap scripts and styles.
          'script-src': [
            "'self'",
            "'unsafe-inline'",
            ...(env.nodeEnv === 'production' ? [] : ["'unsafe-eval'"]),
          ],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': null,
        },
      },
      // Terms pages are meant to be embedded by the offices' own sites.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      frameguard: false,
    }),
  )

  app.get('/healthz', async (_req, res) => {
    const up = await isDatabaseUp(payload)
    res
      .status(up ? 200 : 503)
      .json({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' })
  })
  app.use(operationsRouter({ payload, env, isDatabaseUp }))

  extraRoutes?.(app, { payload, env })

  app.use('/public/v1', publicPagesCsp(), publicRouter({ payload, env, logger }))

  // Payload would read a body of any size: it is read here first, up to API_BODY_LIMIT, and a
  // larger one is answered 413 from its Content-Length before a byte of it is read.
  app.use(
    '/api',
    apiBodyLimit(),
    authRateLimits(payload, env.secret),
    payloadApiHandler(payload.config),
  )

  // The booking site (/, /offices/…): server-rendered pages, ahead of the admin's catch-all.
  app.use(siteRouter({ payload, env, logger }))

  if (adminHandler) app.use(adminHandler)

  app.use((_req, res) => {
    res.status(404).json(errorBody('not_found', '指定されたページは見つかりません。'))
  })
  app.use(publicErrorHandler(logger))
  return app
}
