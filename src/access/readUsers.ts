import type { Access, Where } from 'payload'

import { officeIdsOf, roleOf } from './roles'

/** HQ reads all users; office admins read the users of their offices; everyone reads themself. */
export const readUsers: Access = ({ req: { user } }): boolean | Where => {
  const role = roleOf(user)
  if (!user || !role) return false
  if (role === 'hq-admin') return true
  if (role === 'office-admin') {
    return { or: [{ id: { equals: user.id } }, { 'offices.office': { in: officeIdsOf(user) } }] }
  }
  return { id: { equals: user.id } }
}
