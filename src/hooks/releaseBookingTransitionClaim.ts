import type { AfterErrorHook } from 'payload'

import { releaseFailedTransition } from '../services/bookings/transitionClaims'

/** A REST or admin status change that failed after its claim gives the claim back. */
export const releaseBookingTransitionClaim: AfterErrorHook = async ({ req }) => {
  await releaseFailedTransition(req).catch(() => undefined)
}
