import type { CollectionAfterChangeHook } from 'payload'

import type { Applicant } from '../rules/booking/types'
import { applicantKeys } from '../services/bookings/applicantKey'
import { idOf } from '../lib/ids'
import { recordNoShow } from '../services/bookings/standings'
import { policiesForOffice, policyRecordInForce } from '../services/policies/policiesForOffice'

/**
 * A booking that becomes a no-show, by the job or by staff, counts against the applicant's
 * standing under each of their keys (job-seeker number and email); reaching the policy's
 * threshold flags the applicant for review. Staff correcting a no-show take the count back.
 */
export const countBookingNoShow: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update') return doc
  const became = doc.status === 'no_show' && previousDoc?.status !== 'no_show'
  const corrected = previousDoc?.status === 'no_show' && doc.status !== 'no_show'
  if (!became && !corrected) return doc
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
  const policy =
    policyRecordInForce(await policiesForOffice(req.payload, officeId), new Date(doc.slotStart))
      ?.policy ?? null
  for (const key of keys) {
    await recordNoShow(
      req.payload,
      officeId,
      key,
      { id: doc.id, reference: doc.reference },
      policy,
      became ? 1 : -1,
    )
  }
  return doc
}
