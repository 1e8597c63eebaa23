import type { BookingData } from '../bookingData'

/** Fields only the hooks write. Whatever a client sends for them on update is ignored. */
const SYSTEM_FIELDS = [
  'office',
  'reference',
  'channel',
  'slotEnd',
  'applicantKey',
  'eligibility',
  'eligibilityAffirmed',
  'consent',
  'confirmBy',
  'statusHistory',
  'cancelVia',
  'cancelMethodOffered',
  'seatLock',
  'confirmTokenHash',
  'cancelTokenHash',
  'tokensExpireAt',
  'revision',
  'applicantErasedAt',
] as const

/** An update's data with every system field as stored, for the steps to set what changes. */
export function withStoredSystemFields(
  data: BookingData,
  original: BookingData,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...data }
  for (const field of SYSTEM_FIELDS) next[field] = original[field]
  return next
}
