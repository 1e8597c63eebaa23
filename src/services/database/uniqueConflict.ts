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
  if (isFerretDbUpdateConflict(error, collection, field.name)) return true
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

/**
 * FerretDB v1 refuses an update that breaks a unique index with InternalError (code 1), not
 * E11000, so db-mongodb passes the driver's error through unrecognised (a 500). Its message names
 * the backend's index, "<collection>_<hash>_<field>_1" ("-" in a name becomes "_"). MongoDB says
 * E11000 on updates as on inserts, and Payload turns that into the ValidationError above.
 */
function isFerretDbUpdateConflict(error: unknown, collection: string, field: string): boolean {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 1) return false
  const index = /UNIQUE constraint failed: index '([^']+)'/.exec(error.message)?.[1]
  if (!index) return false
  return index.startsWith(`${collection.replaceAll('-', '_')}_`) && index.endsWith(`_${field}_1`)
}
