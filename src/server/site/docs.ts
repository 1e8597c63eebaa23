/**
 * /public/docs: the reference page of the public API, Swagger UI rendering /public/v1/openapi.json.
 * The bundle comes from the swagger-ui-dist package in node_modules, served by this server: no
 * CDN, nothing fetched from elsewhere.
 */
import { createRequire } from 'node:module'
import path from 'node:path'

import express, { Router } from 'express'

const require = createRequire(import.meta.url)
const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'))
const INIT_SCRIPT = path.join(import.meta.dirname, 'docs', 'init.js')

/** Swagger UI sets style attributes from script; scripts come from this server only. */
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ')

const PAGE = [
  '<!DOCTYPE html>',
  '<html lang="ja">',
  '<head>',
  '<meta charset="utf-8">',
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
  '<title>Kiyaku 公開API リファレンス</title>',
  '<link rel="stylesheet" href="/public/docs/assets/swagger-ui.css">',
  '</head>',
  '<body>',
  '<main id="api-reference"><h1>Kiyaku 公開API リファレンス</h1>',
  '<p>表示にはJavaScriptが必要です。仕様は <a href="/public/v1/openapi.json">/public/v1/openapi.json</a>（OpenAPI 3.1）から取得できます。</p></main>',
  '<script src="/public/docs/assets/swagger-ui-bundle.js"></script>',
  '<script src="/public/docs/init.js"></script>',
  '</body>',
  '</html>',
  '',
].join('\n')

export function docsRouter(): Router {
  const router = Router()
  router.get('/public/docs', (_req, res) => {
    res.set('content-security-policy', DOCS_CSP).type('html').send(PAGE)
  })
  router.get('/public/docs/init.js', (_req, res) => {
    res.set('cache-control', 'public, max-age=300').type('text/javascript').sendFile(INIT_SCRIPT)
  })
  const assets = express.static(SWAGGER_DIR, { index: false, maxAge: '1h' })
  router.use('/public/docs/assets', (req, res, next) =>
    /^\/(swagger-ui\.css|swagger-ui-bundle\.js)$/.test(req.path) ? assets(req, res, next) : next(),
  )
  return router
}
