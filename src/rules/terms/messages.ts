import type { TermsErrorCode } from './errorCodes'

/**
 * English for every refused terms operation, by code, for the admin in English. The Japanese
 * message, often naming the article or date at fault, is written where the refusal is made; in
 * English the admin gets this sentence for the code instead.
 */
export const termsErrorMessagesEn: Readonly<Record<TermsErrorCode, string>> = {
  dangling_reference: 'A cross-reference points to an article or paragraph that does not exist.',
  notice_too_late:
    'The change notice would not be public long enough before the change takes effect.',
  notice_missing: 'A terms change needs a published change notice.',
  reasons_required: 'Give the reasons for the terms change.',
  reason_factors_missing:
    'On ground (ii) all four factors of Civil Code 548-4(1)(ii) are required.',
  no_change_clause_in_force: 'The terms in force have no change clause.',
  edition_immutable: 'A published edition of the terms cannot be changed or deleted.',
  notice_immutable: 'A published change notice cannot be changed or deleted.',
  notice_exists: 'This edition already has a change notice.',
  edition_announced: 'This edition has been announced; it cannot be changed.',
  effective_in_past: 'The effective date must not be in the past.',
  edition_overlap: 'Another edition of this office takes effect on the same date.',
  edition_out_of_order: 'Editions must take effect in the order of their numbers.',
  content_missing: 'The terms have no content.',
  content_invalid: 'The content of the terms is not valid.',
  unresolved_variable: 'The terms use a value the office has not set.',
  composition_failed: 'The terms could not be composed from the template and the policy.',
  office_required: 'Choose the office.',
  office_mismatch: 'The edition, the notice and the policy must belong to the same office.',
  edition_not_found: 'The edition of the terms was not found.',
  template_not_found: 'The terms template was not found.',
  policy_missing: 'The office has no reservation policy in force for that date.',
  invalid_request: 'The request is not valid.',
  forbidden: 'You may not do this.',
  policy_governs_terms:
    'Published terms print this policy, so it cannot be changed or deleted. Create a change from a later date instead.',
  required_article_missing:
    'The terms lack a required article (change clause, governing law, court, privacy, cancellation or no-shows).',
  withdrawal_too_late: 'The change has already taken effect; it can no longer be withdrawn.',
  withdrawal_not_announced: 'Only an announced change can be withdrawn.',
  statute_citation_stale: 'The terms cite a statute article that has since changed.',
  statute_citation_unknown: 'The terms cite a statute article that is not in the table.',
  term_undefined_variant: 'The terms use a variant of a defined term.',
  term_used_before_definition: 'The terms use a defined term before defining it.',
  term_never_used: 'The terms define a term they never use.',
}
