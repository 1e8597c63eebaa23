import type { Payload, RequestContext } from 'payload'

import type { Booking } from '../../payload-types'
import { releaseFailedTransition } from './transitionClaims'

/**
 * A trusted status change through the Local API. The hooks claim the change before the write;
 * when the write fails, the claim is given back here (REST has the collection's error hook).
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
    await releaseFailedTransition({ payload, context }).catch(() => undefined)
    throw error
  }
}
