import type { Access } from 'payload'

import { namesOneOfOffices, officeIdsOf, roleOf } from './roles'

/**
 * Create access: Payload treats any Where as "allowed" on create, so the office named in the new
 * document is checked here. Without data (the admin asking whether to show "create") it answers by role.
 */
export const hqOrOfficeMemberCreates: Access = ({ req: { user }, data }) => {
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (!role) return false
  return data === undefined || namesOneOfOffices(data, officeIdsOf(user))
}
