import type { Access } from 'payload'

import { namesOneOfOffices, officeIdsOf, roleOf } from './roles'

/** Create access for office admins: only into their own offices (see hqOrOfficeMemberCreates). */
export const hqOrOfficeAdminCreates: Access = ({ req: { user }, data }) => {
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (role !== 'office-admin') return false
  return data === undefined || namesOneOfOffices(data, officeIdsOf(user))
}
