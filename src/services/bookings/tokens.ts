import { createHash, randomBytes } from 'node:crypto'

/**
 * Link tokens: 256 random bits, URL-safe. Only their SHA-256 is stored, so a copy of the database
 * cannot confirm or cancel anyone's booking.
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashLinkToken(token) }
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Tokens as issued: 43 base64url characters. Anything else is not looked up at all. */
export function looksLikeLinkToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token)
}
