/**
 * Public terms API (GET only, no login) under /public/v1:
 *   /offices/{slug}/terms[?at=YYYY-MM-DD][&format=json|html|text]
 *   /offices/{slug}/terms/editions
 *   /offices/{slug}/terms/editions/{number}[?format=…]
 *   /offices/{slug}/terms/compare?from=N&to=M[&format=json|html]
 *   /offices/{slug}/notices   and   /offices/{slug}/notices.atom
 * Only published editions and notices exist here (see termsSnapshot). Responses are cached in
 * process (see termsCache), carry a strong ETag and answer a matching If-None-Match with 304.
 */
import { Router, type Request, type Response } from 'express'
import { LRUCache } from 'lru-cache'
import { z } from 'zod'

import { OFFICE_SLUG_PATTERN } from '../../rules/offices/officeSlug'
import {
  formatEraDate,
  isIsoDate,
  secondsUntilTokyoMidnight,
  tokyoToday,
} from '../../lib/tokyoTime'
import { termsCacheHit, termsCacheMiss } from '../../services/metrics/metrics'
import { errorBody, PublicError } from '../errors'
import type { PublicRouteDependencies } from './dependencies'
import {
  MAX_RESPONSES,
  officeSnapshots,
  strongEtag,
  type CachedResponse,
  type StoredSnapshot,
} from './termsCache'
import { editionsAround, type OfficeTermsSnapshot, type PublicEdition } from './termsSnapshot'
import {
  compareHtml,
  compareJson,
  editionsJson,
  editionView,
  noticesAtom,
  noticesJson,
  termsHtml,
  termsJson,
  termsText,
  TermsUrls,
} from './termsViews'

/** How long a process may serve what it read before reading the database again. */
export const TERMS_CACHE_TTL_MS = 1_000
/** Browsers and proxies may keep a response this long (never past 00:00 JST for "today"). */
const MAX_AGE_SECONDS = 60

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
} as const

type Format = 'json' | 'html' | 'text'

const dateSchema = z.string().refine(isIsoDate, 'YYYY-MM-DD')
export const numberSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number)

export const termsQuery = z.object({
  at: dateSchema.optional(),
  format: z.enum(['json', 'html', 'text']).optional(),
})
export const editionQuery = z.object({ format: z.enum(['json', 'html', 'text']).optional() })
export const compareQuery = z.object({
  from: numberSchema,
  to: numberSchema,
  format: z.enum(['json', 'html']).optional(),
})

const FIELD_MESSAGES: Record<string, string> = {
  at: '日付（at）は YYYY-MM-DD の形式で指定してください。',
  format: '形式（format）は json、html、text のいずれかを指定してください。',
  from: '比較元の版番号（from）を正の整数で指定してください。',
  to: '比較先の版番号（to）を正の整数で指定してください。',
  slug: '事業所の指定が正しくありません。',
  number: '版番号を正の整数で指定してください。',
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const field = String(parsed.error.issues[0]?.path[0] ?? 'query')
  throw new PublicError(
    400,
    'invalid_query',
    FIELD_MESSAGES[field] ?? 'クエリの指定が正しくありません。',
    field,
  )
}

function slugOf(req: Request): string {
  const slug = req.params.slug
  if (typeof slug !== 'string' || slug.length > 64 || !OFFICE_SLUG_PATTERN.test(slug)) {
    throw new PublicError(404, 'office_not_found', '指定された事業所は見つかりません。', 'slug')
  }
  return slug
}

/** Negotiation per distinct Accept header, remembered: clients send few distinct ones. */
const prefersHtmlByAccept = new LRUCache<string, boolean>({ max: 256 })

/** ?format= wins; otherwise a browser (Accept: text/html first) gets the page, anything else JSON. */
function formatOf(req: Request, given: Format | undefined, allowed: readonly Format[]): Format {
  if (given) return given
  const accept = req.headers.accept ?? ''
  let html = prefersHtmlByAccept.get(accept)
  if (html === undefined) {
    html = req.accepts(['application/json', 'text/html']) === 'text/html'
    prefersHtmlByAccept.set(accept, html)
  }
  return html && allowed.includes('html') ? 'html' : 'json'
}

interface Built {
  status?: number
  type: keyof typeof CONTENT_TYPES
  body: string | object
  /** An ETag prefix naming the content (the edition hash); the digest of the bytes follows. */
  tag?: string
}

export function termsRoutes({ payload, env }: PublicRouteDependencies): Router {
  const router = Router()
  const snapshots = officeSnapshots(payload, TERMS_CACHE_TTL_MS)
  // No TTL: an entry is used only while its snapshot's fingerprint is the one in force.
  const responses = new LRUCache<string, CachedResponse>({ max: MAX_RESPONSES })

  const finish = (
    req: Request,
    res: Response,
    slug: string,
    key: string,
    build: (snapshot: OfficeTermsSnapshot, urls: TermsUrls) => Built,
    dated: boolean,
    stored: StoredSnapshot,
  ): void => {
    const snapshot = stored.snapshot
    if (!snapshot) {
      throw new PublicError(404, 'office_not_found', '指定された事業所は見つかりません。', 'slug')
    }
    const cacheKey = `${slug}|${key}`
    let entry = responses.get(cacheKey)
    if (entry?.fingerprint === stored.fingerprint) termsCacheHit.inc()
    else {
      termsCacheMiss.inc()
      entry = render(build(snapshot, new TermsUrls(env.publicUrl, slug)), stored.fingerprint)
      responses.set(cacheKey, entry)
    }
    send(req, res, entry, dated)
  }

  /**
   * The shared path: the office snapshot (TTL-cached), then the rendered response for this key
   * (reused while the snapshot is unchanged), then 304 or the bytes. Synchronous while the
   * snapshot is fresh, so a cache hit costs no promise and no database round trip (and creates
   * no closure: this runs for every public terms request).
   */
  const respond = (
    req: Request,
    res: Response,
    key: string,
    build: (snapshot: OfficeTermsSnapshot, urls: TermsUrls) => Built,
    dated = false,
  ): void | Promise<void> => {
    const slug = slugOf(req)
    const fresh = snapshots.peek(slug)
    if (fresh) return finish(req, res, slug, key, build, dated, fresh)
    return snapshots.get(slug).then((stored) => finish(req, res, slug, key, build, dated, stored))
  }

  router.get('/offices/:slug/terms', (req, res) => {
    // Most readers send no query string: skip parsing one (this is the busiest public route).
    const query = req.url.includes('?') ? parse(termsQuery, req.query) : {}
    const explicit = query.at !== undefined
    const at = query.at ?? tokyoToday()
    const format = formatOf(req, query.format, ['json', 'html', 'text'])
    return respond(
      req,
      res,
      `terms|${at}|${format}`,
      (snapshot, urls) => {
        const { inForce, upcoming } = editionsAround(snapshot, at)
        if (!inForce) return noTermsInForce(snapshot, at)
        if (format === 'html')
          return {
            type: 'html',
            body: termsHtml(snapshot, inForce, upcoming, urls),
            tag: inForce.contentHash.slice(0, 16),
          }
        if (format === 'text')
          return { type: 'text', body: termsText(inForce), tag: inForce.contentHash.slice(0, 16) }
        return {
          type: 'json',
          body: termsJson(snapshot, at, inForce, upcoming, urls),
          tag: inForce.contentHash.slice(0, 16),
        }
      },
      !explicit,
    )
  })

  router.get('/offices/:slug/terms/editions', (req, res) => {
    const today = tokyoToday()
    return respond(
      req,
      res,
      `editions|${today}`,
      (snapshot, urls) => ({ type: 'json', body: editionsJson(snapshot, today, urls) }),
      true,
    )
  })

  router.get('/offices/:slug/terms/editions/:number', (req, res) => {
    const number = parse(z.object({ number: numberSchema }), { number: req.params.number }).number
    const query = parse(editionQuery, req.query)
    const format = formatOf(req, query.format, ['json', 'html', 'text'])
    return respond(req, res, `edition|${number}|${format}`, (snapshot, urls) => {
      const edition = editionNumbered(snapshot, number, 'number')
      const tag = edition.contentHash.slice(0, 16)
      if (format === 'html')
        return { type: 'html', body: termsHtml(snapshot, edition, null, urls), tag }
      if (format === 'text') return { type: 'text', body: termsText(edition), tag }
      return {
        type: 'json',
        body: { office: snapshot.office, edition: editionView(edition, urls) },
        tag,
      }
    })
  })

  router.get('/offices/:slug/terms/compare', (req, res) => {
    const query = parse(compareQuery, req.query)
    const format = formatOf(req, query.format, ['json', 'html'])
    return respond(req, res, `compare|${query.from}|${query.to}|${format}`, (snapshot) => {
      const from = editionNumbered(snapshot, query.from, 'from')
      const to = editionNumbered(snapshot, query.to, 'to')
      const tag = `${from.contentHash.slice(0, 8)}${to.contentHash.slice(0, 8)}`
      if (format === 'html') return { type: 'html', body: compareHtml(snapshot, from, to), tag }
      return { type: 'json', body: compareJson(snapshot, from, to), tag }
    })
  })

  router.get('/offices/:slug/notices', (req, res) =>
    respond(req, res, 'notices', (snapshot, urls) => ({
      type: 'json',
      body: noticesJson(snapshot, urls),
    })),
  )

  router.get('/offices/:slug/notices.atom', (req, res) =>
    respond(req, res, 'atom', (snapshot, urls) => ({
      type: 'atom',
      body: noticesAtom(snapshot, urls),
    })),
  )

  return router
}

function noTermsInForce(snapshot: OfficeTermsSnapshot, at: string): Built {
  const first = snapshot.editions[0]
  const message = first
    ? `${formatEraDate(at)}の時点で効力のある利用規約はありません（最初の版は${formatEraDate(first.effectiveFrom)}から適用されます）。`
    : `${snapshot.name}の利用規約はまだ公開されていません。`
  return { status: 404, type: 'json', body: errorBody('no_terms_in_force', message, 'at') }
}

function editionNumbered(
  snapshot: OfficeTermsSnapshot,
  number: number,
  field: string,
): PublicEdition {
  const edition = snapshot.editions.find((e) => e.number === number)
  if (!edition) {
    throw new PublicError(
      404,
      'edition_not_found',
      `第${number}版の利用規約は公開されていません。`,
      field,
    )
  }
  return edition
}

function render(built: Built, fingerprint: string): CachedResponse {
  const body = Buffer.from(typeof built.body === 'string' ? built.body : JSON.stringify(built.body))
  const status = built.status ?? 200
  const etag = status === 200 ? strongEtag(built.tag ? `${built.tag}-` : '', body) : null
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[built.type],
    'content-length': String(body.length),
    vary: 'Accept',
  }
  if (etag) headers.etag = etag
  return { status, headers, body, etag, fingerprint }
}

/**
 * A response about "today" may be kept until 00:00 JST at most, so no cache holds yesterday's
 * edition past midnight; one for a given date may be kept the full max-age.
 */
function send(req: Request, res: Response, entry: CachedResponse, dated: boolean): void {
  const maxAge = dated ? Math.min(MAX_AGE_SECONDS, secondsUntilTokyoMidnight()) : MAX_AGE_SECONDS
  res.setHeader('cache-control', cacheControl(maxAge))
  if (entry.etag && matches(req.headers['if-none-match'], entry.etag)) {
    res.setHeader('etag', entry.etag)
    res.setHeader('vary', 'Accept')
    res.status(304).end()
    return
  }
  for (const name in entry.headers) res.setHeader(name, entry.headers[name]!)
  res.status(entry.status).end(entry.body)
}

/**
 * The header value per max-age, built once. A plain Map, not lru-cache: max-age is at most 60 s,
 * so it never holds more than 61 values and nothing in it ever goes stale.
 */
const cacheControlValues = new Map<number, string>()

function cacheControl(maxAge: number): string {
  let value = cacheControlValues.get(maxAge)
  if (value === undefined) {
    value = `public, max-age=${maxAge}`
    cacheControlValues.set(maxAge, value)
  }
  return value
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  // Weak comparison, as RFC 9110 asks for If-None-Match.
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}
