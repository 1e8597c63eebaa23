import type { RuleViolation } from '../../../rules/booking/types'
import { countedRefusal } from '../../metrics/metrics'
import { BookingRuleError } from '../errors'

const asList = (violations: RuleViolation | RuleViolation[]) =>
  Array.isArray(violations) ? violations : [violations]

/** Refuses a new booking; the refusal is counted in the metrics by its rule code. */
export function refuseNewBooking(violations: RuleViolation | RuleViolation[]): never {
  throw countedRefusal(new BookingRuleError(asList(violations)))
}

/** Refuses a change of an existing booking (not counted: the metrics count refused bookings). */
export function refuseChange(violations: RuleViolation | RuleViolation[]): never {
  throw new BookingRuleError(asList(violations))
}
