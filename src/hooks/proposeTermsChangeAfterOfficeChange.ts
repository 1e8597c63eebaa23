import type { CollectionAfterChangeHook } from 'payload'

import type { Office } from '../payload-types'
import { TERMS_PRINTED_OFFICE_FIELDS } from '../services/terms/compose'
import { termsContext } from '../services/terms/context'
import { proposeEditionForOffice } from '../services/terms/propose'

/**
 * An office change that alters what the terms print proposes a draft edition and a draft notice,
 * as a policy change does (proposeTermsChangeAfterPolicyChange.ts); other fields (phone, staff
 * notes, …) are not printed and propose nothing. Failures are logged, not thrown: the office
 * itself is saved, and the admin sees no draft to publish.
 */
export const proposeTermsChangeAfterOfficeChange: CollectionAfterChangeHook<Office> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || termsContext(req).seeding) return doc
  const printedChange = TERMS_PRINTED_OFFICE_FIELDS.some(
    (field) => (previousDoc?.[field] ?? '') !== (doc[field] ?? ''),
  )
  if (!printedChange) return doc
  try {
    const outcome = await proposeEditionForOffice(req.payload, doc.id, req)
    if (outcome.status === 'proposed') {
      req.payload.logger.info(
        { office: doc.id, edition: outcome.edition.id, notice: outcome.notice.id },
        'terms change proposed after an office change',
      )
    } else if (outcome.status === 'skipped') {
      req.payload.logger.info(
        { office: doc.id, reason: outcome.reason },
        'no terms change proposed',
      )
    }
  } catch (error) {
    req.payload.logger.warn(
      { err: error, office: doc.id },
      'could not propose a terms edition for the office',
    )
  }
  return doc
}
