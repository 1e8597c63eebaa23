import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bearer, login, startTestServer, type TestServer } from '../../support/server'
import { insertFixture } from './fixtures'

let server: TestServer
let isesakiAdmin: string
let kitakyushuId: number | string
let bookingId: number | string

beforeAll(async () => {
  server = await startTestServer()
  const found = await server.payload.find({
    collection: 'offices',
    where: { slug: { equals: 'kitakyushu-mothers' } },
  })
  kitakyushuId = found.docs[0]!.id
  bookingId = (await insertFixture(server.payload, 'bookings', kitakyushuId, 'leak')).id
  await insertFixture(server.payload, 'terms-editions', kitakyushuId, 'leakdraft')
  isesakiAdmin = await login(server.url, 'isesaki-admin@demo.test')
})

afterAll(async () => {
  await server?.close()
})

const SECRET_KEYS = [
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'password',
  'confirmTokenHash',
  'cancelTokenHash',
]

function containsKey(value: unknown, keys: string[]): string | null {
  if (Array.isArray(value)) {
    for (const each of value) {
      const found = containsKey(each, keys)
      if (found) return found
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (keys.includes(key)) return key
      const found = containsKey(inner, keys)
      if (found) return found
    }
  }
  return null
}

describe('no query parameter widens what an office admin of another office sees', () => {
  const OTHER_OFFICE_QUERIES = [
    (id: number | string) => `/api/bookings?where[office][equals]=${id}`,
    (id: number | string) =>
      `/api/bookings?where[or][0][office][equals]=${id}&where[or][1][office][not_equals]=${id}`,
    () => `/api/bookings?where[office.slug][equals]=kitakyushu-mothers&depth=3`,
    () => `/api/bookings?select[applicant]=true&limit=0`,
    () => `/api/bookings?populate[offices]=true&depth=2`,
    (id: number | string) => `/api/reservation-policies?where[office][in]=${id}`,
    () => `/api/terms-editions?where[status][equals]=draft`,
    () => `/api/users?where[email][like]=kitakyushu`,
    () => `/api/audit-log`,
  ]
  it.each(OTHER_OFFICE_QUERIES.map((query, index) => ({ index, query })))(
    'query $index',
    async ({ query }) => {
      const response = await fetch(`${server.url}${query(kitakyushuId)}`, {
        headers: bearer(isesakiAdmin),
      })
      const text = await response.text()
      expect(text).not.toContain('kitakyushu-admin@demo.test')
      expect(text).not.toContain('applicant-leak@demo.test')
      if (response.status === 200) {
        const body = JSON.parse(text) as { docs: { office?: unknown }[] }
        for (const doc of body.docs) {
          const office =
            doc.office && typeof doc.office === 'object'
              ? (doc.office as { id: unknown }).id
              : doc.office
          expect(String(office ?? '')).not.toBe(String(kitakyushuId))
        }
      }
    },
  )

  it('cannot fetch another office’s booking by id, nor change it', async () => {
    expect(
      (await fetch(`${server.url}/api/bookings/${bookingId}`, { headers: bearer(isesakiAdmin) }))
        .status,
    ).toBe(404)
    const patch = await fetch(`${server.url}/api/bookings/${bookingId}`, {
      method: 'PATCH',
      headers: { ...bearer(isesakiAdmin), 'content-type': 'application/json' },
      body: JSON.stringify({ meetingUrl: 'https://evil.example.test' }),
    })
    expect([403, 404]).toContain(patch.status)
  })

  it('cannot bulk-update another office’s bookings through a where query', async () => {
    const response = await fetch(
      `${server.url}/api/bookings?where[office][equals]=${kitakyushuId}`,
      {
        method: 'PATCH',
        headers: { ...bearer(isesakiAdmin), 'content-type': 'application/json' },
        body: JSON.stringify({ meetingUrl: 'https://evil.example.test' }),
      },
    )
    const body = (await response.json()) as { docs?: unknown[] }
    expect(body.docs ?? []).toHaveLength(0)
    const booking = await server.payload.findByID({ collection: 'bookings', id: bookingId })
    expect(booking.meetingUrl).not.toBe('https://evil.example.test')
  })
})

describe('secrets never leave the server', () => {
  it('has no password hash, salt or reset token in any user listing, for anyone', async () => {
    const hq = await login(server.url, 'hq@demo.test')
    for (const headers of [bearer(hq), bearer(isesakiAdmin), {}]) {
      for (const path of [
        '/api/users?depth=2',
        '/api/users/me',
        '/api/offices?depth=2',
        '/api/bookings?depth=2',
      ]) {
        const body = await (await fetch(`${server.url}${path}`, { headers })).json()
        expect(containsKey(body, SECRET_KEYS), path).toBeNull()
      }
    }
  })

  it('hides internal office notes from anonymous readers', async () => {
    const body = (await (await fetch(`${server.url}/api/offices`)).json()) as {
      docs: Record<string, unknown>[]
    }
    for (const office of body.docs) expect(office).not.toHaveProperty('staffNotes')
  })

  it('cannot query by a hidden or secret field', async () => {
    const response = await fetch(`${server.url}/api/users?where[hash][exists]=true`, {
      headers: bearer(isesakiAdmin),
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { name: string }[]; docs?: unknown }
    expect(body.errors[0]?.name).toBe('QueryError')
    expect(body.docs).toBeUndefined()
  })

  it('shows anonymous users no draft edition and no booking through GraphQL', async () => {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ TermsEditions(where: { status: { equals: draft } }) { docs { id status } } }',
      }),
    })
    const body = (await response.json()) as { data?: { TermsEditions?: { docs: unknown[] } } }
    expect(body.data?.TermsEditions?.docs ?? []).toHaveLength(0)
    const bookings = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Bookings { docs { applicant { name email } } } }' }),
    })
    expect(await bookings.text()).not.toContain('applicant-leak@demo.test')
  })
})
