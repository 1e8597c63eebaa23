import type { Payload, TypedUser } from 'payload'

import { officeIdsOf, roleOf } from '../../access/roles'
import type { Office } from '../../payload-types'
import { idOf } from '../../lib/ids'

/** The cookie in which the multi-tenant plugin keeps the office picked in its selector. */
export const SELECTED_OFFICE_COOKIE = 'payload-tenant'

/**
 * The offices a user works for: every office for headquarters, their own for everyone else.
 * Office documents are public, so membership, not read access, decides what the admin shows.
 */
export async function officesOf(
  payload: Payload,
  user: TypedUser | null | undefined,
): Promise<Office[]> {
  const role = roleOf(user)
  if (!role) return []
  const mine = officeIdsOf(user).map(String)
  const { docs } = await payload.find({
    collection: 'offices',
    sort: 'slug',
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user,
  })
  return role === 'hq-admin' ? docs : docs.filter((office) => mine.includes(String(office.id)))
}

/** The offices to show: the one picked in the office selector if it is the user's, else all of theirs. */
export function narrowToSelected(offices: Office[], selected: string | undefined | null): Office[] {
  if (!selected) return offices
  const picked = offices.filter((office) => String(office.id) === selected)
  return picked.length > 0 ? picked : offices
}

export function officeNameOf(offices: Office[], office: unknown): string {
  const id = idOf(office)
  return offices.find((candidate) => String(candidate.id) === String(id))?.name ?? ''
}
