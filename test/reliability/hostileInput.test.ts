import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../support/server'

/**
 * Generated hostile input against every public endpoint: Mongo-style operators, prototype
 * pollution keys, huge strings, wrong types, invalid dates and time zones. Every answer must be a
 * client error with a code (or a plain success for a harmless GET), never a 5xx, and nothing may
 * be written.
 */

const RUNS_PER_ENDPOINT = Number(process.env.KIYAKU_HOSTILE_RUNS ?? 400)

let server: TestServer
const WRITABLE_COLLECTIONS = [
  'bookings',
  'terms-editions',
  'change-notices',
  'reservation-policies',
  'applicant-standings',
  'users',
  'offices',
] as const

async function countAll(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const collection of WRITABLE_COLLECTIONS) {
    counts[collection] = (await server.payload.count({ collection })).totalDocs
  }
  return counts
}

beforeAll(async () => {
  server = await startTestServer({ env: { KIYAKU_PUBLIC_RATE_LIMIT: '1000000' } })
})
afterAll(async () => {
  await server?.close()
})

const hostileScalar = fc.oneof(
  fc.string(),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '$gt',
    '{"$gt":""}',
    '{"$where":"sleep(1000)"}',
    '__proto__',
    'constructor',
    '2026-02-30',
    '2026-13-01',
    '9999-99-99',
    '2026-11-21T10:00:00+25:00',
    '2026-11-21T10:00:00[Mars/Olympus]',
    'Asia/Tokyo',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '０１２３',
    '\u0000',
    '',
  ),
)

const hostileObject: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileScalar,
    tie('object'),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
  object: fc.dictionary(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '$gt',
        '$where',
        '$ne',
        '__proto__',
        'constructor',
        'prototype',
        'slotStart',
        'applicant',
        'consent',
        'eligibility',
        'token',
      ),
    ),
    tie('value'),
    { maxKeys: 6 },
  ),
})).value

const queryString = fc
  .dictionary(
    fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom(
        'at',
        'from',
        'to',
        'format',
        'token',
        'where[$gt]',
        '__proto__[x]',
        'constructor[prototype][x]',
        'from[$gt]',
      ),
    ),
    hostileScalar.map((value) => String(value)),
    { maxKeys: 4 },
  )
  .map((params) => new URLSearchParams(params).toString())

const SLUGS = fc.oneof(
  fc.constantFrom('isesaki', 'kitakyushu-mothers', 'nope', '__proto__', '$where', '%00'),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
)

const GET_PATHS = [
  (slug: string) => `/public/v1/offices/${slug}/terms`,
  (slug: string) => `/public/v1/offices/${slug}/terms/editions`,
  (slug: string) => `/public/v1/offices/${slug}/terms/editions/${slug}`,
  (slug: string) => `/public/v1/offices/${slug}/terms/compare`,
  (slug: string) => `/public/v1/offices/${slug}/notices`,
  (slug: string) => `/public/v1/offices/${slug}/notices.atom`,
  (slug: string) => `/public/v1/offices/${slug}/policy`,
  (slug: string) => `/public/v1/offices/${slug}/slots`,
  () => `/public/v1/offices`,
  () => `/public/v1/bookings/confirm`,
  () => `/public/v1/bookings/cancel`,
]

const POST_PATHS = [
  (slug: string) => `/public/v1/offices/${slug}/bookings`,
  () => `/public/v1/bookings/confirm`,
  () => `/public/v1/bookings/cancel`,
]

async function expectClientErrorWithCode(response: Response, label: string) {
  expect(response.status, label).toBeLessThan(500)
  if (response.status >= 400) {
    const type = response.headers.get('content-type') ?? ''
    if (type.includes('json')) {
      const body = (await response.json()) as { errors?: { code?: unknown; message?: unknown }[] }
      expect(typeof body.errors?.[0]?.code, `${label} has an error code`).toBe('string')
      expect(typeof body.errors?.[0]?.message, `${label} has a message`).toBe('string')
    } else {
      await response.arrayBuffer()
    }
  } else {
    await response.arrayBuffer()
  }
}

describe('hostile input to the public API', () => {
  it('never answers a generated GET with a 5xx', async () => {
    const before = await countAll()
    await fc.assert(
      fc.asyncProperty(
        fc.nat(GET_PATHS.length - 1),
        SLUGS,
        queryString,
        async (index, slug, query) => {
          const path = `${GET_PATHS[index]!(slug)}?${query}`
          await expectClientErrorWithCode(
            await fetch(`${server.url}${path}`),
            `GET ${path.slice(0, 200)}`,
          )
        },
      ),
      { numRuns: RUNS_PER_ENDPOINT * GET_PATHS.length },
    )
    expect(await countAll()).toEqual(before)
  })

  it('never answers a generated POST body with a 5xx, and writes nothing', async () => {
    const before = await countAll()
    await fc.assert(
      fc.asyncProperty(
        fc.nat(POST_PATHS.length - 1),
        SLUGS,
        hostileObject,
        fc.boolean(),
        async (index, slug, body, asJson) => {
          const path = POST_PATHS[index]!(slug)
          const response = await fetch(`${server.url}${path}`, {
            method: 'POST',
            headers: { 'content-type': asJson ? 'application/json' : 'text/plain' },
            body: JSON.stringify(body),
          })
          expect(response.status, `POST ${path}`).toBeGreaterThanOrEqual(400)
          await expectClientErrorWithCode(response, `POST ${path}`)
        },
      ),
      { numRuns: RUNS_PER_ENDPOINT * POST_PATHS.length },
    )
    expect(await countAll()).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('rejects malformed JSON with a code', async () => {
    const response = await fetch(`${server.url}/public/v1/offices/isesaki/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"slotStart": ',
    })
    expect(response.status).toBe(400)
    await expectClientErrorWithCode(response, 'malformed JSON')
  })
})
