import type { ErrorRequestHandler } from 'express'
import type { Logger } from 'pino'

/** An error the public API reports as `{ errors: [{ code, message, field }] }`, message in Japanese. */
export class PublicError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export interface PublicErrorBody {
  errors: { code: string; message: string; field?: string }[]
}

export function errorBody(code: string, message: string, field?: string): PublicErrorBody {
  return { errors: [field ? { code, message, field } : { code, message }] }
}

/** Last in the chain: known errors keep their status and code; anything else is a 500 without details. */
export function publicErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error)
    if (error instanceof PublicError) {
      res.status(error.status).json(errorBody(error.code, error.message, error.field))
      return
    }
    // body-parser errors: malformed JSON, too large, wrong charset.
    const status = typeof error?.status === 'number' ? error.status : 500
    if (status >= 400 && status < 500) {
      const code = status === 413 ? 'payload_too_large' : 'invalid_request'
      const message =
        status === 413 ? 'リクエストが大きすぎます。' : 'リクエストの形式が正しくありません。'
      res.status(status).json(errorBody(code, message))
      return
    }
    logger.error({ err: error, reqId: req.id }, 'unhandled error')
    res.status(500).json(errorBody('internal_error', 'サーバー内部でエラーが発生しました。'))
  }
}
