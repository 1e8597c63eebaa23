import type { Access, Where } from 'payload'

import { officeIdsOf, roleOf } from './roles'

/**
 * Lifting a lockout gives the locked account fresh password guesses, so it is kept to those
 * above the account: HQ unlocks anyone; an office admin unlocks only the staff of their own
 * offices; staff unlock nobody (not even their own admin).
 */
export const unlockUsers: Access = ({ req: { user } }): boolean | Where => {
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (role !== 'office-admin') return false
  return {
    and: [{ role: { equals: 'office-staff' } }, { 'offices.office': { in: officeIdsOf(user) } }],
  }
}
