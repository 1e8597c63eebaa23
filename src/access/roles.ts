import type { TypedUser } from 'payload'

import { idOf, type Id } from '../lib/ids'

export const ROLES = ['hq-admin', 'office-admin', 'office-staff'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = TypedUser | null | undefined

export function roleOf(user: MaybeUser): Role | null {
  const role = (user as { role?: unknown } | null | undefined)?.role
  return ROLES.includes(role as Role) ? (role as Role) : null
}

/** The ids of the offices a user belongs to, whether populated or not. */
export function officeIdsOf(user: MaybeUser): (number | string)[] {
  const rows = (user as { offices?: { office?: unknown }[] | null } | null | undefined)?.offices
  if (!Array.isArray(rows)) return []
  return rows.map((row) => idOf(row.office)).filter((id): id is Id => id !== null)
}

/**
 * On create Payload treats any Where as "allowed", so a create must be checked against the
 * office it names. Ids compare as strings: numbers on SQLite, strings on MongoDB.
 */
export function namesOneOfOffices(data: unknown, officeIds: (number | string)[]): boolean {
  const office = idOf((data as { office?: unknown } | undefined)?.office)
  return office !== null && officeIds.map(String).includes(String(office))
}
