import type { Channel, BookingPolicy, RuleViolation } from './types'

/**
 * Rules the terms state as 原則として (as a rule) are the office's to depart from case by case:
 * the previous-day deadline (伊勢崎 第6条(1)) and the tool of a phone or mail booking (北九州
 * 第4条: 原則として Zoom). Staff may book past them when they give a reason, which goes into the
 * status history. The public never can, and no other rule yields.
 */
function isOverridableByStaff(
  found: RuleViolation,
  policy: BookingPolicy,
  channel: Channel,
): boolean {
  if (found.code === 'lead_time') return policy.leadTime === 'previous-day'
  return found.code === 'invalid_field' && found.field === 'tool' && channel === 'staff-scheduled'
}

/**
 * The violations left once staff override what they may. With no staff reason nothing is
 * overridden; `overridden` says whether anything was.
 */
export function applyStaffOverrides(
  violations: readonly RuleViolation[],
  policy: BookingPolicy,
  channel: Channel,
  staffReason: string | null,
  slotStart: Date,
  now: Date,
): { remaining: RuleViolation[]; overridden: boolean } {
  // A session that has already started cannot be booked whatever the reason.
  if (!staffReason?.trim() || now.getTime() >= slotStart.getTime()) {
    return { remaining: [...violations], overridden: false }
  }
  const remaining = violations.filter((v) => !isOverridableByStaff(v, policy, channel))
  return { remaining, overridden: remaining.length < violations.length }
}
