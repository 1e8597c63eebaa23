/**
 * 「お断りすることがあります」 (may refuse) is a decision, not an automatic consequence: reaching the
 * no-show threshold only flags the applicant for review (shouldReviewApplicant), and an office
 * admin (or HQ) records the refusal with a reason. Staff may not decide it either way.
 */
type RefusalDecisionCode = 'refusal_admin_only' | 'refusal_reason_required'

export interface RefusalDecisionViolation {
  code: RefusalDecisionCode
  /** Japanese, for the office user. */
  message: string
  status: 403 | 422
}

export function checkRefusalDecision(input: {
  refusedBefore: boolean
  refusedAfter: boolean
  reason: string | null | undefined
  /** The deciding user's role; null for system code (seeding, tests through the Local API). */
  role: 'hq-admin' | 'office-admin' | 'office-staff' | null
}): RefusalDecisionViolation | null {
  if (input.refusedBefore === input.refusedAfter) return null
  if (input.role === 'office-staff') {
    return {
      code: 'refusal_admin_only',
      message: '利用のお断りとその取消しは、事業所の管理者が判断して記録します。',
      status: 403,
    }
  }
  if (input.refusedAfter && !input.reason?.trim()) {
    return {
      code: 'refusal_reason_required',
      message: '利用をお断りする理由を入力してください。理由は申込者へのお知らせにも記載されます。',
      status: 422,
    }
  }
  return null
}
