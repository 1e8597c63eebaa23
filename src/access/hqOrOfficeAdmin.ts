import type { Access, Where } from 'payload'

import { officeIdsOf, roleOf } from './roles'

/** HQ changes everything; an office admin changes only the documents of their own offices. */
export const hqOrOfficeAdmin: Access = ({ req: { user } }): boolean | Where => {
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (role !== 'office-admin') return false
  return { office: { in: officeIdsOf(user) } }
}
