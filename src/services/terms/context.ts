import type { PayloadRequest, RequestContext } from 'payload'

/**
 * Flags passed through req.context. They cannot come from REST or GraphQL clients: only code
 * calling the Local API sets them.
 */
export interface TermsContext {
  /** Demo data: editions may take effect in the past. */
  seeding?: boolean
  /** Internal: undoes a notice publication when publishing its edition then failed. */
  revertNoticePublish?: boolean
  /** withdraw.ts: a published edition may become withdrawn, nothing else. */
  withdrawing?: boolean
  /** Internal: withdraw.ts publishes the edition again when its withdrawal notice failed. */
  revertWithdrawal?: boolean
}

export function termsContext(req: PayloadRequest | { context?: RequestContext }): TermsContext {
  return (req.context ?? {}) as TermsContext
}
