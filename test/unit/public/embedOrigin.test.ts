import { describe, expect, it } from 'vitest'

import { frameAncestors, isEmbedOrigin } from '../../../src/rules/embedOrigin'

describe('embed origins', () => {
  it('accepts scheme, host and port only', () => {
    expect(isEmbedOrigin('https://www.example.go.jp')).toBe(true)
    expect(isEmbedOrigin('http://localhost:8080')).toBe(true)
    for (const bad of [
      'https://www.example.go.jp/',
      'https://www.example.go.jp/terms',
      'https://*.example.go.jp',
      '*',
      "'self'",
      'https://example.go.jp; script-src *',
      'javascript:alert(1)',
      'HTTPS://EXAMPLE.GO.JP',
      '',
      42,
    ]) {
      expect(isEmbedOrigin(bad), String(bad)).toBe(false)
    }
  })

  it("becomes frame-ancestors, 'none' without a valid origin", () => {
    expect(frameAncestors(['https://a.example.jp', 'http://b.example.jp:8080'])).toBe(
      'frame-ancestors https://a.example.jp http://b.example.jp:8080',
    )
    expect(frameAncestors([])).toBe("frame-ancestors 'none'")
    expect(frameAncestors(['https://a.example.jp; script-src *'])).toBe("frame-ancestors 'none'")
  })
})
