import type { PayloadRequest } from 'payload'

import { APPLICANT_FIELD_NAMES } from '../../../rules/booking/applicantFields'
import type { BookingData } from '../bookingData'
import { claimNextRevision } from './revision'
import { withStoredSystemFields } from './systemFields'

/**
 * The applicant's details, answers and keys blanked, and the time of it; the rest stays as
 * stored. Trusted code only: REST and the admin cannot set the context.
 */
export async function erasedApplicant(
  data: BookingData,
  original: BookingData,
  req: PayloadRequest,
  now: Date,
): Promise<BookingData> {
  return {
    ...withStoredSystemFields(data, original),
    applicant: Object.fromEntries(APPLICANT_FIELD_NAMES.map((field) => [field, null])),
    applicantKey: null,
    eligibility: null,
    statusReason: null,
    applicantErasedAt: now.toISOString(),
    revision: await claimNextRevision(original, req),
  } as BookingData
}
