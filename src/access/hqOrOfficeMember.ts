import type { Access } from 'payload'

import { officeIdsOf, roleOf } from './roles'

/** HQ sees everything; admins and staff see the documents of their own offices. */
export const hqOrOfficeMember: Access = ({ req: { user } }) => {
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (!role) return false
  return { office: { in: officeIdsOf(user) } }
}
