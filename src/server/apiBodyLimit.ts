import type { RequestHandler, Response } from 'express'
import getRawBody from 'raw-body'

import { errorBody } from './errors'

/**
 * The largest request body /api accepts, in bytes (1 MiB). Payload's API takes JSON documents
 * (the largest are terms editions, a few tens of kB) and no uploads: no collection is an upload
 * collection.
 */
const API_BODY_LIMIT_BYTES = 1024 * 1024

function refuse(res: Response): void {
  // The rest of the body is not read: the connection closes after the answer.
  res
    .status(413)
    .set('connection', 'close')
    .json(errorBody('payload_too_large', 'リクエストの本文が大きすぎます（上限 1 MiB）。'))
}

/**
 * Reads every /api request body into memory up to the limit and answers 413 `payload_too_large`
 * past it, at once: from Content-Length before reading anything, or as soon as a chunked body
 * passes the limit. (body-parser would read the rest of the body off before answering.) Payload
 * then parses the bytes read.
 */
export function apiBodyLimit(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next()
    const declared = req.headers['content-length']
    if (declared !== undefined && Number(declared) > API_BODY_LIMIT_BYTES) return refuse(res)
    getRawBody(req, { limit: API_BODY_LIMIT_BYTES, length: declared }).then(
      (body) => {
        req.body = body
        next()
      },
      (error: unknown) => {
        if ((error as { type?: string }).type === 'entity.too.large') return refuse(res)
        next(error)
      },
    )
  }
}
