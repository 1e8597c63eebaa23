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
  // Each query with the answer it gets: a list scoped to 伊勢崎, or a refusal with an error body.
  const OTHER_OFFICE_QUERIES: { query: (id: number | string) => string; status: number }[] = [
    { query: (id) => `/api/bookings?where[office][equals]=${id}`, status: 200 },
    {
      query: (id) =>
        `/api/bookings?where[or][0][office][equals]=${id}&where[or][1][office][not_equals]=${id}`,
      status: 200,
    },
    {
      query: () => `/api/bookings?where[office.slug][equals]=kitakyushu-mothers&depth=3`,
      status: 200,
    },
    { query: () => `/api/bookings?select[applicant]=true&limit=0`, status: 200 },
    { query: () => `/api/bookings?populate[offices]=true&depth=2`, status: 200 },
    { query: (id) => `/api/reservation-policies?where[office][in]=${id}`, status: 200 },
    { query: () => `/api/terms-editions?where[status][equals]=draft`, status: 200 },
    { query: () => `/api/users?where[email][like]=kitakyushu`, status: 200 },
    { query: () => `/api/audit-log`, status: 403 },
  ]
  it.each(OTHER_OFFICE_QUERIES.map((entry, index) => ({ index, ...entry })))(
    'query $index',
    async ({ query, status }) => {
      const response = await fetch(`${server.url}${query(kitakyushuId)}`, {
        headers: bearer(isesakiAdmin),
      })
      const text = await response.text()
      expect(response.status, text.slice(0, 300)).toBe(status)
      expect(text).not.toContain('kitakyushu-admin@demo.test')
      expect(text).not.toContain('applicant-leak@demo.test')
      const body = JSON.parse(text) as { docs?: { office?: unknown }[]; errors?: unknown[] }
      if (status !== 200) {
        // A refusal says so and carries nothing else.
        expect(body.errors?.length).toBeGreaterThan(0)
        expect(body.docs).toBeUndefined()
        return
      }
      expect(Array.isArray(body.docs)).toBe(true)
      for (const doc of body.docs!) {
        const office =
          doc.office && typeof doc.office === 'object'
            ? (doc.office as { id: unknown }).id
            : doc.office
        expect(String(office ?? '')).not.toBe(String(kitakyushuId))
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
    const graphql = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      })
      expect(response.status).toBe(200)
      return (await response.json()) as {
        data?: Record<string, { docs: Record<string, unknown>[] } | null> | null
        errors?: { message: string }[]
      }
    }
    const drafts =
      '{ TermsEditions(where: { status: { equals: draft } }, limit: 1000) { docs { id status } } }'
    const bookings = '{ Bookings(limit: 1000) { docs { applicant { name email } } } }'

    // The same queries as HQ find the fixtures: the queries are right, not merely failing.
    const hq = bearer(await login(server.url, 'hq@demo.test'))
    const hqDrafts = await graphql(drafts, hq)
    expect(hqDrafts.errors).toBeUndefined()
    expect(hqDrafts.data!.TermsEditions!.docs.length).toBeGreaterThan(0)
    const hqBookings = await graphql(bookings, hq)
    expect(hqBookings.errors).toBeUndefined()
    expect(JSON.stringify(hqBookings.data)).toContain('applicant-leak@demo.test')

    const anonymousDrafts = await graphql(drafts)
    expect(anonymousDrafts.errors).toBeUndefined()
    expect(anonymousDrafts.data!.TermsEditions!.docs).toEqual([])

    // Anonymous readers may not list bookings at all: Payload's Forbidden error (in the
    // admin's language) and no data.
    const anonymousBookings = await graphql(bookings)
    expect(anonymousBookings.errors?.map((error) => error.message)).toEqual([
      'このアクションは許可されていません。',
    ])
    expect(anonymousBookings.data?.Bookings ?? null).toBeNull()
    expect(JSON.stringify(anonymousBookings)).not.toContain('applicant-leak@demo.test')
  })
})
