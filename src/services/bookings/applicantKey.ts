import { createHash, createHmac } from 'node:crypto'

import type { Applicant } from '../../rules/booking/types'

/** Keys made with the server's key start so; older unkeyed SHA-256 keys do not (see rekey). */
export const KEYED_PREFIX = 'h1:'

let hmacKey: Buffer | undefined

/**
 * The key applicant keys are made with, derived from PAYLOAD_SECRET (set once per process, by
 * the config). Without it a key could be reversed by hashing every possible 求職番号.
 */
export function useApplicantKeySecret(secret: string): void {
  hmacKey = createHmac('sha256', secret).update('kiyaku applicant key v1').digest()
}

function material(officeId: number | string, kind: string, value: string): string {
  return `${officeId}\u0000${kind}\u0000${value}`
}

function keyOf(officeId: number | string, kind: string, value: string): string {
  if (!hmacKey) throw new Error('applicant keys need the server key: useApplicantKeySecret first')
  return (
    KEYED_PREFIX +
    createHmac('sha256', hmacKey)
      .update(material(officeId, kind, value), 'utf8')
      .digest('hex')
  )
}

/** The unkeyed form earlier versions stored; only the rekeying step still computes it. */
function legacyApplicantKey(officeId: number | string, kind: string, value: string): string {
  return createHash('sha256')
    .update(material(officeId, kind, value), 'utf8')
    .digest('hex')
}

function details(applicant: Applicant): [kind: string, value: string][] {
  const found: [string, string][] = []
  if (applicant.jobSeekerNumber) found.push(['job-seeker', applicant.jobSeekerNumber])
  if (applicant.email) found.push(['email', applicant.email.toLowerCase()])
  return found
}

/**
 * Pseudonymous keys (HMAC of office and detail under the server's key) for an applicant at an
 * office, from their normalised details: one for the job-seeker number and one for the email
 * address (lower-cased: mailboxes rarely differ by case). No-shows count under every key and
 * standings are looked up under every key, so adding or leaving out the number does not evade a
 * refusal.
 */
export function applicantKeys(officeId: number | string, applicant: Applicant): string[] {
  return details(applicant).map(([kind, value]) => keyOf(officeId, kind, value))
}

/** Each of the applicant's keys as earlier versions stored it, paired with today's. */
export function applicantKeyRenames(
  officeId: number | string,
  applicant: Applicant,
): { from: string; to: string }[] {
  return details(applicant).map(([kind, value]) => ({
    from: legacyApplicantKey(officeId, kind, value),
    to: keyOf(officeId, kind, value),
  }))
}
