import { violation } from './messages'
import type { EligibilityAnswers, BookingPolicy, RuleViolation } from './types'

/** missing_field on "eligibility.<id>" for every statement not affirmed with exactly `true`. */
export function checkEligibility(
  policy: Pick<BookingPolicy, 'eligibility'>,
  answers: EligibilityAnswers | undefined,
): RuleViolation[] {
  return policy.eligibility
    .filter((statement) => answers?.[statement.id] !== true)
    .map((statement) =>
      violation('missing_field', {
        field: `eligibility.${statement.id}`,
        message: `ご利用には次の条件を満たしていることの確認が必要です: ${statement.text}`,
      }),
    )
}
