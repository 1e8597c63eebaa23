import { demoPolicies } from '../../../src/seed/policies'
import type { BookingPolicy } from '../../../src/rules/booking/types'

/** An instant written as Tokyo wall-clock time, e.g. jst('2026-12-01T10:00'). */
export function jst(localDateTime: string): Date {
  const withSeconds = localDateTime.length === 16 ? `${localDateTime}:00` : localDateTime
  return new Date(`${withSeconds}+09:00`)
}

export const kitakyushu: BookingPolicy = demoPolicies['kitakyushu-mothers']
export const isesaki: BookingPolicy = demoPolicies.isesaki

export function withChanges(policy: BookingPolicy, changes: Partial<BookingPolicy>): BookingPolicy {
  return { ...structuredClone(policy), ...changes }
}
