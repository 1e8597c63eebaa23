import { violation } from './messages'
import type { BookingPolicy, RuleViolation } from './types'

/**
 * True once an applicant's no-shows reach the policy's threshold (0 never): the office then
 * reviews the applicant. The terms say the office may refuse, so the count alone refuses nobody.
 */
export function shouldReviewApplicant(
  noShowCount: number,
  policy: Pick<BookingPolicy, 'refuseAfterNoShows'>,
): boolean {
  return policy.refuseAfterNoShows > 0 && noShowCount >= policy.refuseAfterNoShows
}

/**
 * not_accepted when an office admin has refused the applicant (checkRefusalDecision). The message
 * is the neutral default whatever the reason.
 */
export function checkApplicantAccepted(applicant: {
  refusedByStaff: boolean
}): RuleViolation | null {
  if (!applicant.refusedByStaff) return null
  return violation('not_accepted')
}
