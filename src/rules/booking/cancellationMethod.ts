import { violation } from './messages'
import type { ContactMethod, RuleViolation } from './types'

const STAFF_CANCEL_METHODS: readonly ContactMethod[] = ['phone', 'email']

export interface CancellationReport {
  /** Whether a signed-in user (staff) records the cancellation. */
  byStaff: boolean
  /** How trusted code says the change reached us: the mailed link, or the system (jobs). */
  via?: 'link' | 'system'
  /** What staff chose as the way the applicant got in touch (cancelVia). */
  requested: unknown
}

/**
 * How a cancellation reached the office. Staff record the phone call or mail (cancelVia); the
 * mailed link and the system say so through the context. Null for the system, which is not
 * bound by the applicant's cancellation methods.
 */
export function cancellationMethod({
  byStaff,
  via,
  requested,
}: CancellationReport): ContactMethod | null | RuleViolation {
  if (!byStaff) {
    if (via === 'link') return 'link'
    if (via === 'system') return null
  }
  if (requested === undefined || requested === null || requested === '') {
    return violation('missing_field', {
      field: 'cancelVia',
      message: 'キャンセルの連絡を受けた方法（電話またはメール）を選択してください。',
    })
  }
  if (!STAFF_CANCEL_METHODS.includes(requested as ContactMethod)) {
    return violation('invalid_field', {
      field: 'cancelVia',
      message: '職員が記録するキャンセルの連絡方法は電話またはメールです。',
    })
  }
  return requested as ContactMethod
}
