import type { Access } from 'payload'

import { officeIdsOf, roleOf } from './roles'

/** For the offices collection itself: an office admin may update only the offices they belong to. */
export const hqOrAdminOfThisOffice: Access = ({ req: { user } }) => {
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (role !== 'office-admin') return false
  return { id: { in: officeIdsOf(user) } }
}
