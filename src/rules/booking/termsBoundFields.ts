import type { BookingPolicy } from './types'

/**
 * The one test that sorts a policy's fields: does the terms text print it? Capacity is never
 * printed, and the office's own closed days are covered by 「当所が定める日」, so those two are
 * operational and change at once. Everything else the terms state, so it changes only through a
 * published edition (民法548条の4).
 */
type OperationalField = keyof Pick<BookingPolicy, 'capacityPerSlot' | 'closures'>

/** The fields of a policy the terms print (effectiveFrom is the policy's date, not a rule). */
export type TermsBoundPolicy = Omit<BookingPolicy, OperationalField | 'effectiveFrom'>

export function termsBoundPart(policy: BookingPolicy): TermsBoundPolicy {
  const { capacityPerSlot: _capacity, closures: _closures, effectiveFrom: _from, ...bound } = policy
  return bound
}

/** Stable text of a value with object keys sorted, so field order never counts as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** The names of the terms-bound fields that differ between two versions of a policy. */
export function changedTermsBoundFields(
  before: BookingPolicy,
  after: BookingPolicy,
): (keyof TermsBoundPolicy)[] {
  const a = termsBoundPart(before) as unknown as Record<string, unknown>
  const b = termsBoundPart(after) as unknown as Record<string, unknown>
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys]
    .filter((key) => canonical(a[key]) !== canonical(b[key]))
    .sort() as (keyof TermsBoundPolicy)[]
}
