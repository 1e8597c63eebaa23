import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Request, Response } from 'express'

const COOKIE = 'kiyaku_form'

/**
 * Cross-site request protection for the site's form posts, without sessions: a random value in a
 * SameSite=Strict, HttpOnly cookie, and its keyed hash in a hidden field of every form (a signed
 * double-submit token). Another site can make a browser post, but it can neither read nor set the
 * cookie, so it cannot produce the matching field. The browser's Origin header, when sent, must
 * also name this server.
 */
export class FormGuard {
  private readonly publicOrigin: string
  private readonly secureCookie: boolean

  /** `publicUrl` is the address people use (PUBLIC_URL); a proxy in front may change the scheme. */
  constructor(
    private readonly secret: string,
    publicUrl: string,
  ) {
    this.publicOrigin = new URL(publicUrl).origin
    this.secureCookie = this.publicOrigin.startsWith('https:')
  }

  private sign(value: string): string {
    return createHmac('sha256', this.secret).update(`form|${value}`).digest('base64url')
  }

  /** The hidden field's value for this visitor, setting the cookie on first use. */
  tokenFor(req: Request, res: Response): string {
    let value = cookieValue(req, COOKIE)
    if (!value || !/^[\w-]{22,64}$/.test(value)) {
      value = randomBytes(24).toString('base64url')
      res.cookie(COOKIE, value, {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.secureCookie,
        path: '/',
      })
    }
    return this.sign(value)
  }

  /** True when the post carries the field that belongs to its cookie and comes from this site. */
  accepts(req: Request, field: unknown): boolean {
    const origin = req.headers.origin
    if (
      origin &&
      origin !== 'null' &&
      origin !== this.publicOrigin &&
      origin !== `${req.protocol}://${req.get('host')}`
    ) {
      return false
    }
    const value = cookieValue(req, COOKIE)
    if (!value || typeof field !== 'string') return false
    const expected = Buffer.from(this.sign(value))
    const given = Buffer.from(field)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }
}

function cookieValue(req: Request, name: string): string | undefined {
  const header = req.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const index = part.indexOf('=')
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim()
  }
  return undefined
}
