/** Ids are numbers on SQLite and strings on MongoDB; relationships may come populated. */
export type Id = number | string

export function idOf(value: unknown): Id | null {
  if (value && typeof value === 'object' && 'id' in value)
    return idOf((value as { id: unknown }).id)
  return typeof value === 'number' || typeof value === 'string' ? value : null
}
