import type { RequestHandler } from 'express'
import helmet from 'helmet'

/**
 * The public pages (terms, notices, the confirm and cancel pages) run no script at all, so they
 * get a policy of their own in place of the admin's, which must allow Next.js's inline scripts:
 * no script of any kind, forms only back to us, nothing loaded from elsewhere. Their only inline
 * content is a small <style> on the booking pages. No page here may be framed (a framed confirm or
 * cancel page is one click from clickjacking); the embed view sets its own frame-ancestors from
 * the office's list.
 */
export function publicPagesCsp(): RequestHandler {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      'default-src': ["'none'"],
      'script-src': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'form-action': ["'self'"],
      'base-uri': ["'none'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
    },
  })
}
