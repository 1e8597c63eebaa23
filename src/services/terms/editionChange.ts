import type { Payload, PayloadRequest } from 'payload'

import { editionIsChange } from '../../rules/terms/termsChange'
import { idOf, sameId, type Id } from '../../lib/ids'
import { findOffice, publishedEditionsOf } from './queries'

/** The office had terms in force before its first Kiyaku edition (Offices.hadTermsBeforeKiyaku). */
export async function officeHadTermsBeforeKiyaku(
  payload: Payload,
  officeId: Id,
  req?: PayloadRequest,
): Promise<boolean> {
  const office = await findOffice(payload, officeId, req)
  return (office as { hadTermsBeforeKiyaku?: unknown } | null)?.hadTermsBeforeKiyaku === true
}

/** Whether a just-published edition changed the office's terms (rules/terms/termsChange.ts). */
export async function publishedEditionIsChange(
  payload: Payload,
  edition: { id: Id; template?: unknown },
  officeId: Id,
): Promise<boolean> {
  const others = (await publishedEditionsOf(payload, officeId)).filter(
    (other) => !sameId(other.id, edition.id),
  )
  return editionIsChange({
    otherPublishedEditions: others.length,
    officeHadTerms: await officeHadTermsBeforeKiyaku(payload, officeId),
    composed: idOf(edition.template) !== null,
    historical: false,
  })
}
