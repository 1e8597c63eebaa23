import type { Access } from 'payload'

import { roleOf } from './roles'

/** A user may change their own name and password; HQ may change anyone. */
export const updateUsers: Access = ({ req: { user } }) => {
  const role = roleOf(user)
  if (!user || !role) return false
  if (role === 'hq-admin') return true
  return { id: { equals: user.id } }
}
