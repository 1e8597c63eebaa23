import { APPLICANT_FIELD_NAMES } from '../../../rules/booking/applicantFields'
import type { Applicant, ApplicantField } from '../../../rules/booking/types'

/** The stored applicant group: every field present, blanks as null. */
export function storedApplicant(applicant: Applicant): Record<ApplicantField, string | null> {
  return Object.fromEntries(
    APPLICANT_FIELD_NAMES.map((field) => [field, applicant[field] ?? null]),
  ) as Record<ApplicantField, string | null>
}

/**
 * Whether an update edits the applicant's details. Payload hands every update the stored group
 * when the client sent none, so only a real difference counts: confirming or cancelling must not
 * re-check details against a policy that has changed since the booking was made.
 */
export function applicantChanged(given: unknown, stored: unknown): boolean {
  if (given === undefined) return false
  const before = (stored ?? {}) as Record<string, unknown>
  const after = (given ?? {}) as Record<string, unknown>
  return APPLICANT_FIELD_NAMES.some((field) => (after[field] ?? null) !== (before[field] ?? null))
}
