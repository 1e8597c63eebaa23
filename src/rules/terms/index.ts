export type * from './types'
export {
  termsVariables,
  termsLists,
  formatHours,
  formatDuration,
  type TermsOffice,
} from './variables'
export { composeTerms, evaluateCondition, TermsCompositionError } from './compose'
export { findDanglingReferences, formatReference } from './references'
export { renderTermsText, renderTermsHtml, renderArticleText, renderInlineText } from './render'
export { contentHash, canonicalJson } from './hash'
export {
  compareTerms,
  changedArticles,
  summarizeChanges,
  renderCompareHtml,
  markedDiff,
  type ChangedArticle,
} from './compare'
