import type { Access, Where } from 'payload'

import { officeIdsOf, roleOf } from './roles'

/** The public sees published documents only; office members also see their drafts. */
export const publishedOrOfficeMember: Access = ({ req: { user } }): boolean | Where => {
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (!role) return { status: { equals: 'published' } }
  return {
    or: [{ status: { equals: 'published' } }, { office: { in: officeIdsOf(user) } }],
  }
}
