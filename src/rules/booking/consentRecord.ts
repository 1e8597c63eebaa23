import type { EligibilityStatement } from './types'

/**
 * How the applicant came to be bound by the terms (民法548条の2第1項): they ticked the box online
 * (第1号, agreement), or staff taking the booking by phone, mail or at the counter showed them
 * that the terms apply (第2号, announced beforehand), and say how.
 */
export type ConsentMethod = 'online-checkbox' | 'shown-by-staff'
export type ShownVia = 'phone' | 'email' | 'counter'

export const SHOWN_VIA: readonly ShownVia[] = ['phone', 'email', 'counter']

export function consentMethodFor(byStaff: boolean): ConsentMethod {
  return byStaff ? 'shown-by-staff' : 'online-checkbox'
}

/** The wording affirmed, kept with the booking: the policy's wording may change later. */
export function affirmedStatements(
  statements: readonly EligibilityStatement[],
): { id: string; text: string }[] {
  return statements.map(({ id, text }) => ({ id, text }))
}

/**
 * The edition a booking must consent to: the one that will govern the session (in force on the
 * slot's date). When that is a later edition than the one in force today, the applicant is shown
 * both and consents to the later; `alsoInForceNow` records the one in force when booking.
 */
export function editionsForConsent<E extends { id: number | string }>(
  inForceNow: E | null,
  atSlot: E | null,
): { governing: E | null; alsoInForceNow: E | null } {
  const governing = atSlot ?? inForceNow
  const differs =
    inForceNow !== null && governing !== null && String(inForceNow.id) !== String(governing.id)
  return { governing, alsoInForceNow: differs ? inForceNow : null }
}
