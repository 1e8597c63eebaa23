/**
 * An origin an office allows to frame its terms: scheme, host and optional port, nothing else
 * (the CSP frame-ancestors source it becomes must not widen to paths or wildcards).
 */
const ORIGIN =
  /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/

export function isEmbedOrigin(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200 && ORIGIN.test(value)
}

/** The frame-ancestors directive for an office's list: 'none' when it allows no site. */
export function frameAncestors(origins: readonly string[]): string {
  const allowed = origins.filter(isEmbedOrigin)
  return `frame-ancestors ${allowed.length ? allowed.join(' ') : "'none'"}`
}
