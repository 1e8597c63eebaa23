import type { Payload, RequestContext } from 'payload'

import type { Booking } from '../../payload-types'
import { releaseFailedRevisions } from './revisionClaims'

/**
 * A trusted status change through the Local API. The hooks claim the booking's revision before
 * the write; when the write fails, the claim is given back here (REST and GraphQL have the global
 * error hook).
 */
export async function updateBookingAsSystem(
  payload: Payload,
  id: number | string,
  data: Partial<Booking>,
  context: RequestContext,
): Promise<Booking> {
  try {
    return await payload.update({
      collection: 'bookings',
      id,
      data,
      overrideAccess: true,
      depth: 0,
      context,
    })
  } catch (error) {
    await releaseFailedRevisions(payload, context).catch(() => undefined)
    throw error
  }
}
