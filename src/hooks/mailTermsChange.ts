import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../lib/ids'
import { termsContext } from '../services/terms/context'
import { publishedEditionIsChange } from '../services/terms/editionChange'
import { mailApplicantsAffectedByChange } from '../services/terms/mailAffectedApplicants'

/**
 * When a change is published (rules/terms/termsChange.ts; never in demo seeding), the applicants
 * whose future bookings it will govern are told by mail. Not awaited: the publication does not
 * depend on the mail.
 */
export const mailTermsChangeAfterPublish: CollectionAfterChangeHook = ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc.status !== 'published' || previousDoc?.status === 'published') return doc
  // Seeding loads history; a withdrawal undone is the change already announced (and mailed).
  if (termsContext(req).seeding || termsContext(req).revertWithdrawal) return doc
  const officeId = idOf(doc.office)
  if (officeId === null) return doc
  const { payload } = req
  void (async () => {
    // The same test as the notice requirement (publishChecks): a change is mailed as one.
    if (!(await publishedEditionIsChange(payload, doc, officeId))) return
    await mailApplicantsAffectedByChange(payload, doc, officeId)
  })().catch((error: unknown) => {
    payload.logger.error({ err: error }, 'terms change mails failed')
  })
  return doc
}
