/**
 * GET /offices/{slug}/terms/embed: the terms in force as a page made to sit in an iframe on the
 * office's own site. It follows the edition in force (read per request from the same 1 s snapshot
 * as the terms pages), links to the earlier editions, and may be framed only by the origins the
 * office lists (offices.embedOrigins → CSP frame-ancestors); without a list nobody may frame it.
 */
import { Router } from 'express'
import type { Payload } from 'payload'

import { LoadingCache, PER_OFFICE_MAX } from '../../lib/loadingCache'
import { OFFICE_SLUG_PATTERN } from '../../rules/offices/officeSlug'
import { frameAncestors } from '../../rules/embedOrigin'
import { formatEraDate, tokyoToday } from '../../lib/tokyoTime'
import { escapeHtml } from '../../lib/html'
import { renderTermsHtml } from '../../rules/terms'
import { SITE_ASSETS } from '../site/layout'
import { PublicError } from '../errors'
import type { PublicRouteDependencies } from './dependencies'
import { officeSnapshots } from './termsCache'
import { editionsAround, type OfficeTermsSnapshot } from './termsSnapshot'
import { TERMS_CACHE_TTL_MS } from './terms'
import { TermsUrls } from './termsViews'

/** An office's allowed origins; changed rarely, so the office entry's bound (2 s) applies. */
function embedOriginsReader(payload: Payload) {
  const cache = new LoadingCache<string[]>({ ttlMs: 2_000, max: PER_OFFICE_MAX })
  return (slug: string) =>
    cache.get(slug, async () => {
      const { docs } = await payload.find({
        collection: 'offices',
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        select: { embedOrigins: true } as Record<string, true>,
      })
      const origins = (docs[0] as { embedOrigins?: unknown } | undefined)?.embedOrigins
      return Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string') : []
    })
}

function embedHtml(snapshot: OfficeTermsSnapshot, today: string): string | null {
  const { inForce } = editionsAround(snapshot, today)
  if (!inForce) return null
  const urls = new TermsUrls('', snapshot.slug)
  const earlier = snapshot.editions.filter(
    (edition) => edition.effectiveFrom < inForce.effectiveFrom,
  )
  const terms = renderTermsHtml(inForce.content, {
    effectiveFrom: inForce.effectiveFrom,
    officeName: snapshot.name,
    standalone: false,
  }).replaceAll(' style="list-style:none;padding-left:0"', ' class="kiyaku-plain-list"')
  const editions = [
    '<nav class="embed-editions" aria-label="利用規約の版">',
    `<p>第${inForce.number}版（${escapeHtml(formatEraDate(inForce.effectiveFrom))}から適用）</p>`,
    earlier.length
      ? `<p>以前の版：${earlier
          .map(
            (edition) =>
              `<a href="${escapeHtml(urls.edition(edition.number, 'html'))}" target="_blank" rel="noopener">第${edition.number}版</a>`,
          )
          .join('、')}</p>`
      : '<p>以前の版はありません。</p>',
    `<p><a href="${escapeHtml(urls.terms('html'))}" target="_blank" rel="noopener">新しいウィンドウで開く</a></p>`,
    '</nav>',
  ].join('\n')
  return [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(inForce.content.title)}｜${escapeHtml(snapshot.name)}</title>`,
    `<link rel="stylesheet" href="${SITE_ASSETS}/tokens.css">`,
    `<link rel="stylesheet" href="${SITE_ASSETS}/embed.css">`,
    '</head>',
    '<body>',
    '<main>',
    terms,
    editions,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

export function termsEmbedRoutes({ payload }: PublicRouteDependencies): Router {
  const router = Router()
  const snapshots = officeSnapshots(payload, TERMS_CACHE_TTL_MS)
  const embedOrigins = embedOriginsReader(payload)

  router.get('/offices/:slug/terms/embed', async (req, res) => {
    const slug = req.params.slug
    const { snapshot } = OFFICE_SLUG_PATTERN.test(slug)
      ? await snapshots.get(slug)
      : { snapshot: null }
    if (!snapshot) {
      throw new PublicError(404, 'office_not_found', '指定された事業所は見つかりません。', 'slug')
    }
    const html = embedHtml(snapshot, tokyoToday())
    if (!html) {
      throw new PublicError(
        404,
        'no_terms_in_force',
        `${snapshot.name}の利用規約はまだ公開されていません。`,
      )
    }
    res
      .status(200)
      .set(
        'content-security-policy',
        [
          "default-src 'self'",
          "script-src 'none'",
          "style-src 'self'",
          "base-uri 'none'",
          "form-action 'none'",
          frameAncestors(await embedOrigins(slug)),
        ].join('; '),
      )
      .set('cache-control', 'public, max-age=60')
      .type('html')
      .send(html)
  })
  return router
}
