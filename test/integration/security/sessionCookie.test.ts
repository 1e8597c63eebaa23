import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD, startTestServer, type TestServer } from '../../support/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ env: { PUBLIC_URL: 'https://kiyaku.example.test' } })
})

afterAll(async () => {
  await server?.close()
})

describe('session cookie behind an https PUBLIC_URL', () => {
  it('is Secure, HttpOnly and SameSite=Lax', async () => {
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'hq@demo.test', password: DEMO_PASSWORD }),
    })
    expect(response.status).toBe(200)
    const cookie = response.headers.getSetCookie().find((each) => each.startsWith('payload-token='))
    expect(cookie).toBeDefined()
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })
})
