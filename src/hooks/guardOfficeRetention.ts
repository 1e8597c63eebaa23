import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { checkOfficeRetention } from '../rules/booking/applicantRetention'
import { hqRetentionDays } from '../services/retention/applicantErasure'

/** An office may keep applicant details for a shorter time than HQ, never longer (422). */
export const guardOfficeRetention: CollectionBeforeChangeHook = async ({ data, req }) => {
  const days = (data as { applicantRetentionDays?: number | null }).applicantRetentionDays
  if (days === undefined || days === null) return data
  const found = checkOfficeRetention(days, await hqRetentionDays(req.payload))
  if (found) throw new APIError(found.message, 422, { code: found.code, field: found.field }, true)
  return data
}
