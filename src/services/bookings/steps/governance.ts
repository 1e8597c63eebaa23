import type { PayloadRequest } from 'payload'

import { officeGovernance, type OfficeGovernance } from '../../policies/policiesForOffice'
import { bookingContext } from '../context'

/**
 * The office's policies and published editions for this request: those the public path already
 * looked up (BookingContext.governance) when they are the office's, otherwise read now.
 */
export async function governanceFor(
  req: PayloadRequest,
  officeId: number | string,
): Promise<OfficeGovernance> {
  const given = bookingContext(req.context).governance
  if (given && String(given.officeId) === String(officeId)) return given
  return officeGovernance(req.payload, officeId)
}
