import type { CollectionAfterChangeHook } from 'payload'

import type { Applicant } from '../rules/booking/types'
import { applicantKeys } from '../services/bookings/applicantKey'
import { idOf } from '../services/bookings/ids'
import { recordNoShow } from '../services/bookings/standings'

/**
 * A booking that becomes a no-show, by the job or by staff, counts against the applicant's
 * standing under each of their keys (job-seeker number and email), so a later booking is refused
 * once the policy's limit is reached whichever of the two it gives.
 */
export const countBookingNoShow: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || doc.status !== 'no_show' || previousDoc?.status === 'no_show')
    return doc
  const officeId = idOf(doc.office)
  if (officeId === null) return doc
  const stored = (doc.applicant ?? {}) as Record<string, unknown>
  const applicant: Applicant = {
    ...(typeof stored.email === 'string' && stored.email ? { email: stored.email } : {}),
    ...(typeof stored.jobSeekerNumber === 'string' && stored.jobSeekerNumber
      ? { jobSeekerNumber: stored.jobSeekerNumber }
      : {}),
  }
  const keys = applicantKeys(officeId, applicant)
  if (keys.length === 0 && typeof doc.applicantKey === 'string') keys.push(doc.applicantKey)
  for (const key of keys) await recordNoShow(req.payload, officeId, key, doc.reference)
  return doc
}
