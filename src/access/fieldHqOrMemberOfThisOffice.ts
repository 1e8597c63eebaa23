import type { FieldAccess } from 'payload'

import { officeIdsOf, roleOf } from './roles'

/**
 * For fields of the offices collection meant for the office's own people: HQ, and members of
 * the office the document is. Without a document (a query on the field) only HQ passes, so a
 * `where` on the field cannot probe another office's value.
 */
export const fieldHqOrMemberOfThisOffice: FieldAccess = ({ req: { user }, doc, id }) => {
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (!role) return false
  const officeId = (doc as { id?: number | string } | undefined)?.id ?? id
  if (officeId === undefined) return false
  return officeIdsOf(user).map(String).includes(String(officeId))
}
