import type { TypedUser } from 'payload'

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
  return rows
    .map((row) => row.office)
    .map((office) =>
      office && typeof office === 'object' ? (office as { id: number | string }).id : office,
    )
    .filter((id): id is number | string => typeof id === 'number' || typeof id === 'string')
}
