import { Router } from 'express'

import type { PublicRouteDependencies } from '.'

/** Terms pages, editions, compare and notices (GET only). */
export function termsRoutes(_deps: PublicRouteDependencies): Router {
  return Router()
}
