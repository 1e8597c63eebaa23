import pino, { type Logger } from 'pino'

/**
 * JSON logs. Applicant data is personal data under 職業安定法: request bodies are never logged,
 * URLs lose their query string (tokens live there), and credentials are redacted.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'kiyaku' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'mail.to',
        'mail.text',
        'mail.html',
      ],
      censor: '[redacted]',
    },
  })
}

export function withoutQuery(url: string | undefined): string {
  if (!url) return ''
  const at = url.indexOf('?')
  return at === -1 ? url : url.slice(0, at)
}
