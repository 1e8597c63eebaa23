import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from 'express'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { handleEndpoints, type SanitizedConfig } from 'payload'

/** Express request → Web Request, with the body left as an unread stream so Payload parses it itself. */
function toWebRequest(req: ExpressRequest): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const each of value) headers.append(name, each)
    else headers.set(name, value)
  }
  const url = new URL(req.originalUrl, `${req.protocol}://${req.headers.host ?? 'localhost'}`)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  // Read already (and capped) by apiBodyLimit; a stream only where nothing read it first.
  const read: unknown = req.body
  const body = Buffer.isBuffer(read)
    ? new Uint8Array(read.buffer, read.byteOffset, read.byteLength)
    : (Readable.toWeb(req) as unknown as ReadableStream)
  if (Buffer.isBuffer(read)) {
    // The bytes read are the decoded body; its length and encoding are no longer the sent ones.
    for (const name of ['transfer-encoding', 'content-length', 'content-encoding']) {
      headers.delete(name)
    }
  }
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? body : undefined,
    // Required by undici for a streamed request body.
    duplex: hasBody ? 'half' : undefined,
  } as RequestInit)
}

/** Copies a Web Response onto the Express response, keeping every Set-Cookie. */
async function sendWebResponse(response: Response, res: ExpressResponse): Promise<void> {
  res.status(response.status)
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue
    res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as unknown as NodeReadableStream)
      .on('error', reject)
      .pipe(res)
      .on('finish', resolve)
      .on('error', reject)
  })
}

type GraphqlHandler = (request: Request) => Promise<Response>

/**
 * Serves Payload's REST API (everything under /api) through payload's exported router, and its
 * GraphQL endpoint through the same handler the Next.js route uses (handleEndpoints has no GraphQL).
 * The GraphQL handler (with its schema) is loaded on the first GraphQL request: a server that is
 * never asked one saves about 20 MiB and 0.4 s of start-up.
 */
export function payloadApiHandler(config: SanitizedConfig) {
  let graphql: Promise<GraphqlHandler> | undefined
  const loadGraphql = () =>
    (graphql ??= import('@payloadcms/next/routes').then(({ GRAPHQL_POST }) => GRAPHQL_POST(config)))
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = toWebRequest(req)
      const isGraphql = req.method === 'POST' && req.path === '/graphql'
      const response = isGraphql
        ? await (
            await loadGraphql()
          )(request)
        : await handleEndpoints({ config, request })
      await sendWebResponse(response, res)
    } catch (error) {
      next(error)
    }
  }
}
