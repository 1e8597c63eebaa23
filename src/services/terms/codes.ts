/**
 * Machine-readable codes of refused terms operations. The admin UI, the REST API and the tests
 * key on them; messages are Japanese for the office staff who read them.
 */
export type TermsErrorCode =
  | 'dangling_reference'
  | 'notice_too_late'
  | 'notice_missing'
  | 'reasons_required'
  | 'edition_immutable'
  | 'notice_immutable'
  | 'notice_exists'
  | 'edition_announced'
  | 'effective_in_past'
  | 'edition_overlap'
  | 'edition_out_of_order'
  | 'content_missing'
  | 'content_invalid'
  | 'unresolved_variable'
  | 'composition_failed'
  | 'office_required'
  | 'office_mismatch'
  | 'edition_not_found'
  | 'template_not_found'
  | 'policy_missing'
  | 'invalid_request'
  | 'forbidden'
  | 'policy_governs_terms'
