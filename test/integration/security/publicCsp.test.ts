import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../../support/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close()
})

function scriptSources(csp: string | null): string {
  return (
    (csp ?? '')
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith('script-src')) ?? ''
  )
}

describe('public HTML pages allow no inline script', () => {
  for (const path of [
    '/public/v1/offices/isesaki/terms?format=html',
    '/public/v1/bookings/confirm?token=nope',
    '/public/v1/bookings/cancel?token=nope',
  ]) {
    it(path, async () => {
      const response = await fetch(`${server.url}${path}`)
      expect(response.headers.get('content-type') ?? '').toContain('text/html')
      const csp = response.headers.get('content-security-policy')
      expect(scriptSources(csp)).toBe("script-src 'none'")
      expect(csp).not.toContain("'unsafe-eval'")
      expect(await response.text()).not.toMatch(/<script/i)
    })
  }
})

describe('public pages may not be framed', () => {
  for (const path of [
    '/public/v1/offices/isesaki/terms?format=html',
    '/public/v1/bookings/confirm?token=nope',
    '/public/v1/bookings/cancel?token=nope',
  ]) {
    it(path, async () => {
      const csp = (await fetch(`${server.url}${path}`)).headers.get('content-security-policy')
      expect(csp).toContain("frame-ancestors 'none'")
    })
  }
})
