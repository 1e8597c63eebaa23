import { Router } from 'express'

import type { PublicRouteDependencies } from '.'

/** Policy, slots, booking creation and the confirm/cancel token pages. */
export function bookingRoutes(_deps: PublicRouteDependencies): Router {
  return Router()
}
