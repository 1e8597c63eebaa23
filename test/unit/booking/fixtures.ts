import { demoPolicies } from '../../../src/seed/policies'
import type { ReservationPolicy } from '../../../src/rules/booking/types'

/** An instant written as Tokyo wall-clock time, e.g. jst('2026-12-01T10:00'). */
export function jst(localDateTime: string): Date {
  const withSeconds = localDateTime.length === 16 ? `${localDateTime}:00` : localDateTime
  return new Date(`${withSeconds}+09:00`)
}

export const kitakyushu: ReservationPolicy = demoPolicies['kitakyushu-mothers']
export const isesaki: ReservationPolicy = demoPolicies.isesaki

export function withChanges(
  policy: ReservationPolicy,
  changes: Partial<ReservationPolicy>,
): ReservationPolicy {
  return { ...structuredClone(policy), ...changes }
}
