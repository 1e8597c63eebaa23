import {
  composeTerms,
  contentHash,
  TermsCompositionError,
  type ArticleOverride,
  type ComposedTerms,
  type TermsDocument,
  type TermsOffice,
} from '../../rules/terms'
import { termsError } from './errors'
import { policyFromDoc, type ReservationPolicyDoc } from '../policies/policyFromDoc'

/**
 * The office's fields the terms print: composing reads only these, and a change to one of them
 * proposes a new edition (src/hooks/proposeTermsChangeAfterOfficeChange.ts).
 */
export const TERMS_PRINTED_OFFICE_FIELDS = ['name', 'signatoryTitle', 'phone', 'email'] as const

export interface ComposedEdition {
  content: ComposedTerms
  contentHash: string
}

/**
 * An office's edition from the HQ template, the office's overrides and the policy in force at
 * the edition's effectiveFrom. The policy is read through the same mapping as the booking rules
 * (policyFromDoc), so the terms say what is enforced.
 */
export function composeEdition(
  office: TermsOffice,
  policy: ReservationPolicyDoc,
  template: { document: unknown },
  overrides: unknown,
): ComposedEdition {
  try {
    const content = composeTerms({
      template: template.document as TermsDocument,
      office: {
        name: office.name,
        signatoryTitle: office.signatoryTitle,
        phone: office.phone ?? null,
        email: office.email ?? null,
      },
      policy: policyFromDoc(policy),
      overrides: Array.isArray(overrides) ? (overrides as ArticleOverride[]) : [],
    })
    return { content, contentHash: contentHash(content) }
  } catch (error) {
    if (error instanceof TermsCompositionError) {
      throw termsError('composition_failed', error.message, 422, { problems: error.problems })
    }
    throw error
  }
}
