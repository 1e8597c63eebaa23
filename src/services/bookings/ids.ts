import { randomInt } from 'node:crypto'

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
