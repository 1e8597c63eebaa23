import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../../support/server'

describe('the server', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server?.close()
  })

  it('answers /healthz while the database answers', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok' })
  })

  it('lists the two demo offices through Payload REST and the public API', async () => {
    const rest = (await (await fetch(`${server.url}/api/offices?sort=slug`)).json()) as {
      docs: { slug: string }[]
    }
    expect(rest.docs.map((office) => office.slug)).toEqual(['isesaki', 'kitakyushu-mothers'])
    const pub = (await (await fetch(`${server.url}/public/v1/offices`)).json()) as {
      offices: { slug: string; name: string }[]
    }
    expect(pub.offices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slug: 'isesaki', name: 'ハローワーク伊勢崎' }),
        expect.objectContaining({ slug: 'kitakyushu-mothers', name: 'マザーズハローワーク北九州' }),
      ]),
    )
  })

  it('serves GraphQL through the same entry point', async () => {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Offices(sort: "slug") { docs { slug } } }' }),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { data: { Offices: { docs: { slug: string }[] } } }
    expect(body.data.Offices.docs.map((office) => office.slug)).toEqual([
      'isesaki',
      'kitakyushu-mothers',
    ])
  })

  it('sends security headers and a request id', async () => {
    const response = await fetch(`${server.url}/public/v1/offices`)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    // The public API has the public pages' policy (src/server/publicPagesCsp.ts): nothing loads.
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]+$/)
  })

  it('answers unknown paths with a JSON 404 carrying a code and a Japanese message', async () => {
    const response = await fetch(`${server.url}/nowhere`)
    expect(response.status).toBe(404)
    const body = (await response.json()) as { errors: { code: string; message: string }[] }
    expect(body.errors[0]?.code).toBe('not_found')
    expect(body.errors[0]?.message).toMatch(/[ぁ-んァ-ン一-龯]/)
  })

  it('answers /healthz with 503 when the database does not', async () => {
    const db = server.payload.db as unknown as {
      client?: { close: () => void }
      connection?: { close: (force: boolean) => Promise<void> }
    }
    db.client?.close()
    await db.connection?.close(true)
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(503)
  })
})
