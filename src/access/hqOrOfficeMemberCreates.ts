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
  // No office named (the admin's create form asks before one is chosen): answer by role. The
  // tenant field then requires an office and validates that it is one of the user's.
  if (data === undefined || (data as { office?: unknown }).office == null) return true
  return namesOneOfOffices(data, officeIdsOf(user))
}
