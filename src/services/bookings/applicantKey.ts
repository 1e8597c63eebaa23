import { createHash } from 'node:crypto'

import type { Applicant } from '../../rules/booking/types'

function keyOf(officeId: number | string, kind: string, value: string): string {
  return createHash('sha256').update(`${officeId}\u0000${kind}\u0000${value}`, 'utf8').digest('hex')
}

/**
 * Pseudonymous keys (SHA-256 of office and detail) for an applicant at an office, from their
 * normalised details: one for the job-seeker number and one for the email address (lower-cased:
 * mailboxes rarely differ by case). No-shows count under every key and standings are looked up
 * under every key, so adding or leaving out the number does not evade a refusal.
 */
export function applicantKeys(officeId: number | string, applicant: Applicant): string[] {
  const keys: string[] = []
  if (applicant.jobSeekerNumber) keys.push(keyOf(officeId, 'job-seeker', applicant.jobSeekerNumber))
  if (applicant.email) keys.push(keyOf(officeId, 'email', applicant.email.toLowerCase()))
  return keys
}
