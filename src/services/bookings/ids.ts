import { randomInt } from 'node:crypto'

/** A relationship value as Payload hands it over (an id or a populated document) → the id. */
export function idOf(value: unknown): number | string | null {
  if (value && typeof value === 'object' && 'id' in value)
    return idOf((value as { id: unknown }).id)
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value !== '') return value
  return null
}

export function sameId(a: unknown, b: unknown): boolean {
  const left = idOf(a)
  const right = idOf(b)
  return left !== null && right !== null && String(left) === String(right)
}

// No 0/O, 1/I/L: references are read out over the phone.
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** A booking reference an applicant can quote, e.g. "KY-7F3Q-9M2X" (about 50 bits). */
export function newReference(): string {
  const pick = () =>
    Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join(
      '',
    )
  return `KY-${pick()}-${pick()}`
}
