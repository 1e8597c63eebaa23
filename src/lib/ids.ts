/** Ids are numbers on SQLite and strings on MongoDB. */
export type Id = number | string

/** The id of a relationship value as Payload hands it over (an id or a populated document). */
export function idOf(value: unknown): Id | null {
  if (value && typeof value === 'object' && 'id' in value)
    return idOf((value as { id: unknown }).id)
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value !== '') return value
  return null
}

/** Whether two relationship values name the same document; ids compare as strings. */
export function sameId(a: unknown, b: unknown): boolean {
  const left = idOf(a)
  const right = idOf(b)
  return left !== null && right !== null && String(left) === String(right)
}
