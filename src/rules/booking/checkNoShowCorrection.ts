import { violation } from './messages'
import type { BookingStatus, RuleViolation } from './types'

/**
 * A no-show is marked by the job ten minutes after the start whether or not staff had recorded
 * the session yet, so staff may correct it: the applicant attended (completed), or had made
 * contact to cancel (cancelled). Only staff, and only with a reason, since the correction lifts a
 * strike against the applicant.
 */
const NO_SHOW_CORRECTIONS: readonly BookingStatus[] = ['completed', 'cancelled']

export function isNoShowCorrection(from: BookingStatus, to: BookingStatus): boolean {
  return from === 'no_show' && NO_SHOW_CORRECTIONS.includes(to)
}

export function checkNoShowCorrection(input: {
  to: BookingStatus
  byStaff: boolean
  reason: string | undefined
}): RuleViolation | null {
  if (!input.byStaff || !NO_SHOW_CORRECTIONS.includes(input.to)) {
    return violation('invalid_transition', {
      field: 'status',
      message:
        '無断欠席の記録は、職員が「実施済み」または「キャンセル」に訂正する場合のみ変更できます。',
    })
  }
  if (!input.reason?.trim()) {
    return violation('missing_field', {
      field: 'statusReason',
      message: '無断欠席の記録を訂正する理由を入力してください。',
    })
  }
  return null
}
