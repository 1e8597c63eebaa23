/**
 * Days before its effective date that a change on ground (ii) of Civil Code art. 548-4(1) is
 * announced, until HQ sets its own number in the HQ settings.
 */
export const DEFAULT_MINIMUM_NOTICE_DAYS = 30
