import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import type { TermsEdition } from '../payload-types'
import { prepareEditionDelete, prepareEditionWrite } from '../services/terms/editionWrites'

/**
 * Drafts are composed from the template and the policy; publishing freezes content and hash
 * after the checks (references, date, order, notice); a published edition never changes.
 */
export const guardTermsEdition: CollectionBeforeChangeHook<TermsEdition> = ({
  data,
  originalDoc,
  operation,
  req,
}) => prepareEditionWrite({ data, originalDoc, operation, req })

export const guardTermsEditionDelete: CollectionBeforeDeleteHook = ({ id, req }) =>
  prepareEditionDelete(id, req)
