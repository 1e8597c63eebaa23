import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../lib/ids'
import { termsContext } from '../services/terms/context'
import { mailApplicantsAffectedByChange } from '../services/terms/mailAffectedApplicants'

/**
 * When a change is published (not an office's first edition, not demo seeding), the applicants
 * whose future bookings it will govern are told by mail. Not awaited: the publication does not
 * depend on the mail.
 */
export const mailTermsChangeAfterPublish: CollectionAfterChangeHook = ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc.status !== 'published' || previousDoc?.status === 'published') return doc
  if (termsContext(req).seeding) return doc
  const officeId = idOf(doc.office)
  if (officeId === null || (doc.number ?? 1) <= 1) return doc
  void mailApplicantsAffectedByChange(req.payload, doc, officeId).catch((error: unknown) => {
    req.payload.logger.error({ err: error }, 'terms change mails failed')
  })
  return doc
}
