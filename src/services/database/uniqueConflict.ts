import { ValidationError } from 'payload'

/**
 * A write the database refused on a unique index of `collection`, which Payload reports as a 400
 * ValidationError on that field: SQLite names the column (snake_case), MongoDB the field. Some
 * MongoDB-protocol servers (FerretDB) do not say which index refused, and Payload then reports an
 * empty path; callers pass only collections whose single contested unique field is the one asked
 * about. Validation of submitted fields always names its field.
 */
export function isUniqueConflict(
  error: unknown,
  collection: string,
  field: { name: string; column: string },
): boolean {
  if (!(error instanceof ValidationError)) return false
  const data = error.data as { collection?: unknown; errors?: { path?: unknown }[] } | undefined
  if (data?.collection !== undefined && data.collection !== collection) return false
  return (data?.errors ?? []).some(
    (entry) =>
      entry.path === field.name ||
      entry.path === field.column ||
      entry.path === '' ||
      entry.path === null ||
      entry.path === undefined,
  )
}
