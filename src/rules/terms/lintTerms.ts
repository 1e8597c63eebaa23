import { checkDefinedTerms } from './checkDefinedTerms'
import { checkStatuteCitations } from './checkStatuteCitations'
import { documentPassages } from './documentText'
import type { TermsLintFinding } from './lintTypes'
import type { Article, NumberedArticle, Paragraph } from './types'

export type { TermsLintFinding } from './lintTypes'

/**
 * The terms lint: statute citations against the table on the terms' date (asOf, YYYY-MM-DD) and
 * defined terms. The importer reports the findings as warnings; publishing a composed edition
 * refuses them.
 */
export function lintTerms(
  document: { preamble: readonly Paragraph[]; articles: readonly (Article | NumberedArticle)[] },
  asOf: string,
): TermsLintFinding[] {
  const passages = documentPassages(document)
  return [...checkStatuteCitations(passages, asOf), ...checkDefinedTerms(passages)]
}
