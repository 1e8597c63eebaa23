export type * from './types'
export {
  termsVariables,
  termsLists,
  formatHours,
  formatDuration,
  termsVariableDescriptions,
  termsFlagDescriptions,
  termsListDescriptions,
  type TermsOffice,
} from './variables'
export {
  composeTerms,
  applyOverrides,
  evaluateCondition,
  mergeText,
  TermsCompositionError,
  type ComposeInput,
} from './compose'
export {
  findDanglingReferences,
  formatReference,
  paragraphLabel,
  circledNumber,
  subItemMarkers,
  type DanglingReference,
} from './references'
export {
  renderTermsText,
  renderTermsHtml,
  renderArticleText,
  renderInlineText,
  type RenderTextOptions,
  type RenderHtmlOptions,
  type UpcomingChange,
} from './render'
export { contentHash, canonicalJson } from './hash'
export {
  compareTerms,
  changedArticles,
  summarizeChanges,
  renderCompareHtml,
  markedDiff,
  type ArticleComparison,
  type ArticleVersion,
  type ChangedArticle,
  type ComparisonStatus,
  type CompareHtmlOptions,
} from './compare'
export { escapeHtml } from './html'
