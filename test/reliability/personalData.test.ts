import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../support/server'
import { insertFixture } from '../integration/access/fixtures'

/** An anonymous scan of every public and REST route: no applicant field and no draft, ever. */

const APPLICANT = {
  name: '秘密花子',
  email: 'hanako.secret@applicant.test',
  phone: '09011112222',
  jobSeekerNumber: '13010-99887766',
  note: '個人的な相談内容メモ',
}
const DRAFT_MARKER = 'DRAFT-ONLY-MARKER-7f3a'

let server: TestServer
let bookingId: number | string
let draftId: number | string

beforeAll(async () => {
  server = await startTestServer()
  const office = (
    await server.payload.find({ collection: 'offices', where: { slug: { equals: 'isesaki' } } })
  ).docs[0]!
  bookingId = (await insertFixture(server.payload, 'bookings', office.id, 'pii')).id
  await server.payload.db.updateOne({
    collection: 'bookings',
    id: bookingId,
    data: { applicant: APPLICANT },
    req: {} as never,
  })
  draftId = (await insertFixture(server.payload, 'terms-editions', office.id, 'piidraft')).id
  await server.payload.db.updateOne({
    collection: 'terms-editions',
    id: draftId,
    data: {
      title: DRAFT_MARKER,
      content: { title: DRAFT_MARKER, preamble: [], articles: [], signatory: '' },
    },
    req: {} as never,
  })
})

afterAll(async () => {
  await server?.close()
})

function leaks(text: string): string[] {
  return [...Object.values(APPLICANT), DRAFT_MARKER, '13010998877'].filter((secret) =>
    text.includes(secret),
  )
}

const COLLECTIONS = [
  'offices',
  'users',
  'reservation-policies',
  'bookings',
  'applicant-standings',
  'terms-templates',
  'terms-editions',
  'change-notices',
  'audit-log',
  'claims',
  'address-hits',
]

describe('anonymous readers', () => {
  it('see no applicant data and no draft through Payload REST', async () => {
    const paths = [
      ...COLLECTIONS.flatMap((slug) => [
        `/api/${slug}?depth=3&limit=1000`,
        `/api/${slug}?where[status][equals]=draft`,
        `/api/${slug}?select[applicant]=true`,
      ]),
      `/api/bookings/${bookingId}?depth=3`,
      `/api/terms-editions/${draftId}?depth=3`,
      `/api/bookings/count`,
      `/api/globals/hq-settings`,
      `/api/access`,
    ]
    for (const path of paths) {
      const text = await (await fetch(`${server.url}${path}`)).text()
      expect(leaks(text), path).toEqual([])
    }
  })

  it('see no applicant data and no draft through GraphQL', async () => {
    const queries = [
      '{ Bookings { docs { applicant { name email phone jobSeekerNumber note } } } }',
      `{ Booking(id: ${JSON.stringify(bookingId)}) { applicant { name email } } }`,
      '{ TermsEditions(draft: true) { docs { title content status } } }',
      `{ TermsEdition(id: ${JSON.stringify(draftId)}) { title content } }`,
      '{ AuditLogs { docs { before after } } }',
    ]
    for (const query of queries) {
      const response = await fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      })
      expect(leaks(await response.text()), query).toEqual([])
    }
  })

  it('see no applicant data and no draft through the public API', async () => {
    const paths = [
      '/public/v1/offices',
      ...['isesaki', 'kitakyushu-mothers'].flatMap((slug) => [
        `/public/v1/offices/${slug}/terms`,
        `/public/v1/offices/${slug}/terms?format=html`,
        `/public/v1/offices/${slug}/terms?format=text`,
        `/public/v1/offices/${slug}/terms/editions`,
        `/public/v1/offices/${slug}/terms/editions/1`,
        `/public/v1/offices/${slug}/terms/editions/1000`,
        `/public/v1/offices/${slug}/notices`,
        `/public/v1/offices/${slug}/notices.atom`,
        `/public/v1/offices/${slug}/policy`,
        `/public/v1/offices/${slug}/slots`,
      ]),
    ]
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.status, path).toBeLessThan(500)
      expect(leaks(await response.text()), path).toEqual([])
    }
  })
})
