import type { AfterErrorHook } from 'payload'

import { releaseFailedRevisions } from '../services/bookings/revisionClaims'

/**
 * Global, not the collection's: Payload runs collection error hooks for REST only, the global
 * ones for GraphQL too. Nothing to do for requests that claimed nothing.
 */
export const releaseFailedBookingRevisions: AfterErrorHook = async ({ req }) => {
  if (!req?.payload || !req.context) return
  await releaseFailedRevisions(req.payload, req.context).catch(() => undefined)
}
