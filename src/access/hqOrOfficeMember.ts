import type { Access, Where } from 'payload'

import { officeIdsOf, roleOf } from './roles'

/** HQ sees everything; admins and staff see and change the documents of their own offices. */
export const hqOrOfficeMember: Access = ({ req: { user } }): boolean | Where => {
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (!role) return false
  return { office: { in: officeIdsOf(user) } }
}
