/**
 * Whether publishing an edition changes terms that already bind someone: what needs a change
 * notice (民法548条の4第2項) and what is mailed to the applicants it affects. One answer for both,
 * so an edition announced as a change is also mailed as one, and the reverse.
 *
 * An office's first Kiyaku edition changes nothing when the office had no terms before, or when
 * it is the current terms imported as they stand. When the office had terms in force before
 * Kiyaku (both demo offices did) and the first edition is composed from a template, it replaces
 * those terms: a change. Every later edition is a change.
 */
export interface EditionChangeFacts {
  /** The office's other published editions in Kiyaku. */
  otherPublishedEditions: number
  /** The office had terms in force before its first Kiyaku edition. */
  officeHadTerms: boolean
  /** Composed from a template (not the office's current terms imported as they stand). */
  composed: boolean
  /**
   * Loaded as history (demo seeding dates editions in the past): such an edition took effect as
   * it was, and is not announced or mailed now.
   */
  historical: boolean
}

export function editionIsChange(facts: EditionChangeFacts): boolean {
  if (facts.otherPublishedEditions > 0) return true
  return facts.officeHadTerms && facts.composed && !facts.historical
}
