import type { Access, Where } from 'payload'

import { officeIdsOf, roleOf } from './roles'

/**
 * Document locks (Payload's `payload-locked-documents`) name who is editing what. HQ sees every
 * lock; an office member sees the locks held by the people of their own offices (so the admin
 * still shows "being edited by" to colleagues); anyone else nothing.
 */
export const hqOrLocksOfOwnOffices: Access = async ({ req }): Promise<boolean | Where> => {
  const { user } = req
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (!user || !role) return false
  const colleagues = await req.payload.find({
    collection: 'users',
    where: { 'offices.office': { in: officeIdsOf(user) } },
    depth: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  const ids = [user.id, ...colleagues.docs.map((doc) => doc.id)]
  return { 'user.value': { in: ids } }
}
