import { violation } from './messages'
import type { ReservationPolicy, RuleViolation } from './types'

/** True when the office refuses automatically after this many no-shows (0 never does). */
export function shouldRefuseApplicant(
  noShowCount: number,
  policy: Pick<ReservationPolicy, 'refuseAfterNoShows'>,
): boolean {
  return policy.refuseAfterNoShows > 0 && noShowCount >= policy.refuseAfterNoShows
}

/**
 * not_accepted when staff have refused the applicant or their no-shows reach the policy's limit.
 * The message is the neutral default whatever the reason.
 */
export function checkApplicantAccepted(
  applicant: { refusedByStaff: boolean; noShowCount: number },
  policy: Pick<ReservationPolicy, 'refuseAfterNoShows'>,
): RuleViolation | null {
  if (!applicant.refusedByStaff && !shouldRefuseApplicant(applicant.noShowCount, policy))
    return null
  return violation('not_accepted')
}
