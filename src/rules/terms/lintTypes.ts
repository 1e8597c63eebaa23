/** Machine-readable codes of the terms lint; stable strings. */
type TermsLintCode =
  | 'statute_citation_stale'
  | 'statute_citation_unknown'
  | 'term_undefined_variant'
  | 'term_used_before_definition'
  | 'term_never_used'

export interface TermsLintFinding {
  code: TermsLintCode
  /** "preamble" or the article's key. */
  where: string
  /** Japanese, for the editor. */
  message: string
}
