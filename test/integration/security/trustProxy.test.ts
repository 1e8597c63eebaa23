import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../../support/server'

let server: TestServer

// The balancer is named by TRUST_PROXY; this test's connections come from loopback, which is
// then just another client whose X-Forwarded-For must not be believed.
beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: '10.9.9.9' } })
})

afterAll(async () => {
  await server?.close()
})

function wrongToken(forwardedFor: string) {
  return fetch(`${server.url}/public/v1/bookings/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ token: 'not-a-real-token-000000000000000000' }),
  })
}

describe('TRUST_PROXY decides whose X-Forwarded-For counts', () => {
  it('a client that is not the named proxy cannot escape the wrong-token limit by forging it', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await wrongToken(`198.51.100.${i}`)).status)
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })
})
