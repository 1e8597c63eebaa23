import type { Payload, TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bearer, login, startTestServer, type TestServer } from '../../support/server'
import { insertFixture } from './fixtures'

let server: TestServer
let kitakyushuId: number | string
const tokens: Record<string, string> = {}

const EMAILS = {
  hq: 'hq@demo.test',
  kitakyushuAdmin: 'kitakyushu-admin@demo.test',
  isesakiAdmin: 'isesaki-admin@demo.test',
  kitakyushuStaff: 'kitakyushu-staff@demo.test',
  isesakiStaff: 'isesaki-staff@demo.test',
} as const
type Actor = keyof typeof EMAILS

async function officeId(payload: Payload, slug: string): Promise<number | string> {
  const found = await payload.find({ collection: 'offices', where: { slug: { equals: slug } } })
  return found.docs[0]!.id
}

async function userOf(email: string): Promise<TypedUser> {
  const found = await server.payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    depth: 0,
  })
  return { ...found.docs[0]!, collection: 'users' } as TypedUser
}

function api(path: string, actor: Actor | 'anonymous', init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(actor === 'anonymous' ? {} : bearer(tokens[actor]!)),
      ...(init.headers as Record<string, string> | undefined),
    },
  })
}

beforeAll(async () => {
  server = await startTestServer()
  kitakyushuId = await officeId(server.payload, 'kitakyushu-mothers')
  await server.payload.update({
    collection: 'offices',
    id: kitakyushuId,
    data: { staffNotes: '北九州の内部メモ' },
  })
  for (const [actor, email] of Object.entries(EMAILS))
    tokens[actor] = await login(server.url, email)
})

afterAll(async () => {
  await server?.close()
})

describe('POST /api/users/unlock: only those above the account', () => {
  const CASES: { actor: Actor | 'anonymous'; target: string; allowed: boolean }[] = [
    { actor: 'anonymous', target: EMAILS.kitakyushuStaff, allowed: false },
    { actor: 'kitakyushuStaff', target: EMAILS.kitakyushuAdmin, allowed: false },
    { actor: 'kitakyushuStaff', target: EMAILS.isesakiStaff, allowed: false },
    { actor: 'isesakiStaff', target: EMAILS.hq, allowed: false },
    { actor: 'kitakyushuAdmin', target: EMAILS.isesakiStaff, allowed: false },
    { actor: 'kitakyushuAdmin', target: EMAILS.isesakiAdmin, allowed: false },
    { actor: 'kitakyushuAdmin', target: EMAILS.hq, allowed: false },
    { actor: 'kitakyushuAdmin', target: EMAILS.kitakyushuStaff, allowed: true },
    { actor: 'hq', target: EMAILS.kitakyushuAdmin, allowed: true },
    { actor: 'hq', target: EMAILS.isesakiStaff, allowed: true },
  ]
  for (const { actor, target, allowed } of CASES) {
    it(`${actor} ${allowed ? 'may' : 'may not'} unlock ${target}`, async () => {
      const response = await api('/api/users/unlock', actor, {
        method: 'POST',
        body: JSON.stringify({ email: target }),
      })
      // Wrong passwords are limited per account and address (no account lockout), but an unlock
      // is still a privileged act: refused unless the actor is above the account.
      expect(response.status).toBe(allowed ? 200 : 403)
    })
  }
})

describe('offices.staffNotes: the office members and HQ only, on every path', () => {
  const READERS: { actor: Actor | 'anonymous'; sees: boolean }[] = [
    { actor: 'anonymous', sees: false },
    { actor: 'isesakiStaff', sees: false },
    { actor: 'isesakiAdmin', sees: false },
    { actor: 'kitakyushuStaff', sees: true },
    { actor: 'kitakyushuAdmin', sees: true },
    { actor: 'hq', sees: true },
  ]

  for (const { actor, sees } of READERS) {
    it(`REST by id and list: ${actor} ${sees ? 'sees' : 'does not see'} 北九州's notes`, async () => {
      const one = (await (await api(`/api/offices/${kitakyushuId}`, actor)).json()) as Record<
        string,
        unknown
      >
      expect(one.staffNotes === '北九州の内部メモ').toBe(sees)
      const list = (await (await api('/api/offices?limit=10', actor)).json()) as {
        docs: Record<string, unknown>[]
      }
      const listed = list.docs.find((doc) => String(doc.id) === String(kitakyushuId))
      expect(listed?.staffNotes === '北九州の内部メモ').toBe(sees)
    })

    it(`GraphQL: ${actor} ${sees ? 'sees' : 'does not see'} 北九州's notes`, async () => {
      const response = await api('/api/graphql', actor, {
        method: 'POST',
        body: JSON.stringify({
          query: `{ Offices(limit: 10) { docs { id staffNotes } } }`,
        }),
      })
      const body = (await response.json()) as {
        data?: { Offices?: { docs: { id: unknown; staffNotes: string | null }[] } }
      }
      const doc = body.data?.Offices?.docs.find((each) => String(each.id) === String(kitakyushuId))
      expect(doc?.staffNotes === '北九州の内部メモ').toBe(sees)
    })

    if (actor !== 'anonymous') {
      it(`Local API with overrideAccess false: ${actor}`, async () => {
        const doc = (await server.payload.findByID({
          collection: 'offices',
          id: kitakyushuId,
          overrideAccess: false,
          user: await userOf(EMAILS[actor]),
        })) as unknown as Record<string, unknown>
        expect(doc.staffNotes === '北九州の内部メモ').toBe(sees)
      })
    }
  }

  it("a where clause on staffNotes does not probe another office's notes", async () => {
    const response = await api(
      `/api/offices?where[staffNotes][like]=${encodeURIComponent('内部メモ')}`,
      'isesakiStaff',
    )
    const body = (await response.json()) as { docs?: { id: unknown }[] }
    const ids = (body.docs ?? []).map((doc) => String(doc.id))
    expect(ids).not.toContain(String(kitakyushuId))
  })

  it("another office's admin cannot overwrite them", async () => {
    await api(`/api/offices/${kitakyushuId}`, 'isesakiAdmin', {
      method: 'PATCH',
      body: JSON.stringify({ staffNotes: 'overwritten' }),
    })
    const doc = await server.payload.findByID({ collection: 'offices', id: kitakyushuId })
    expect(doc.staffNotes).toBe('北九州の内部メモ')
  })
})

// first-register is covered in test/integration/security/firstRegister.test.ts: it needs an
// empty database, and a second server cannot be built in the same process as this one.

describe('collections Payload adds', () => {
  let bookingId: number | string
  let lockId: number | string

  beforeAll(async () => {
    bookingId = (await insertFixture(server.payload, 'bookings', kitakyushuId, 'lock')).id
    const staff = await userOf(EMAILS.kitakyushuStaff)
    const lock = await server.payload.db.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'bookings', value: bookingId },
        user: { relationTo: 'users', value: staff.id },
      },
    })
    lockId = lock.id as number | string
  })

  it('payload-locked-documents: read by the office and HQ only', async () => {
    const expectations: { actor: Actor | 'anonymous'; sees: boolean }[] = [
      { actor: 'anonymous', sees: false },
      { actor: 'isesakiStaff', sees: false },
      { actor: 'isesakiAdmin', sees: false },
      { actor: 'kitakyushuAdmin', sees: true },
      { actor: 'kitakyushuStaff', sees: true },
      { actor: 'hq', sees: true },
    ]
    for (const { actor, sees } of expectations) {
      const list = await api('/api/payload-locked-documents?depth=0', actor)
      const body = (await list.json()) as { docs?: { id: unknown }[] }
      const ids = (body.docs ?? []).map((doc) => String(doc.id))
      expect(ids.includes(String(lockId)), actor).toBe(sees)
      const one = await api(`/api/payload-locked-documents/${lockId}`, actor)
      expect(one.status === 200, actor).toBe(sees)
    }
  })

  it("payload-locked-documents: nobody locks another office's document or in another's name", async () => {
    const isesakiStaff = await userOf(EMAILS.isesakiStaff)
    const kitakyushuStaff = await userOf(EMAILS.kitakyushuStaff)
    const attempts: { actor: Actor | 'anonymous'; user: number | string }[] = [
      { actor: 'anonymous', user: isesakiStaff.id },
      { actor: 'isesakiStaff', user: isesakiStaff.id },
      { actor: 'isesakiAdmin', user: isesakiStaff.id },
      { actor: 'isesakiStaff', user: kitakyushuStaff.id },
    ]
    for (const { actor, user } of attempts) {
      const response = await api('/api/payload-locked-documents', actor, {
        method: 'POST',
        body: JSON.stringify({
          document: { relationTo: 'bookings', value: bookingId },
          user: { relationTo: 'users', value: user },
        }),
      })
      expect(response.status, actor).toBeGreaterThanOrEqual(400)
    }
    const allowed = await api('/api/payload-locked-documents', 'kitakyushuAdmin', {
      method: 'POST',
      body: JSON.stringify({
        document: { relationTo: 'bookings', value: bookingId },
        user: { relationTo: 'users', value: (await userOf(EMAILS.kitakyushuAdmin)).id },
      }),
    })
    expect(allowed.status).toBe(201)
  })

  it('payload-locked-documents: another office can neither change nor delete a lock', async () => {
    for (const actor of ['anonymous', 'isesakiStaff', 'isesakiAdmin'] as const) {
      const update = await api(`/api/payload-locked-documents/${lockId}`, actor, {
        method: 'PATCH',
        body: JSON.stringify({ globalSlug: 'x' }),
      })
      expect(update.status, actor).toBeGreaterThanOrEqual(400)
      const removal = await api(`/api/payload-locked-documents/${lockId}`, actor, {
        method: 'DELETE',
      })
      expect(removal.status, actor).toBeGreaterThanOrEqual(400)
    }
    const still = await server.payload.db.findOne({
      collection: 'payload-locked-documents',
      where: { id: { equals: lockId } },
    })
    expect(still).not.toBeNull()
  })

  it("payload-preferences: nobody reads another user's preferences", async () => {
    const hq = await userOf(EMAILS.hq)
    const pref = await server.payload.db.create({
      collection: 'payload-preferences',
      data: { key: 'nav', user: { relationTo: 'users', value: hq.id }, value: { secret: 1 } },
    })
    for (const actor of ['anonymous', 'isesakiStaff', 'kitakyushuAdmin'] as const) {
      const list = await api('/api/payload-preferences', actor)
      const body = (await list.json()) as { docs?: { id: unknown }[] }
      expect(
        (body.docs ?? []).map((doc) => String(doc.id)),
        actor,
      ).not.toContain(String(pref.id))
      const one = await api(`/api/payload-preferences/${pref.id}`, actor)
      expect(one.status === 200 && (await one.text()).includes('secret'), actor).toBe(false)
    }
  })

  it('payload-migrations: nobody reads or writes through the API', async () => {
    await server.payload.db.create({
      collection: 'payload-migrations',
      data: { name: 'fixture', batch: 1 },
    })
    for (const actor of ['kitakyushuStaff', 'kitakyushuAdmin', 'hq'] as const) {
      await expect(
        server.payload.find({
          collection: 'payload-migrations',
          overrideAccess: false,
          user: await userOf(EMAILS[actor]),
        }),
        actor,
      ).rejects.toThrow()
      await expect(
        server.payload.create({
          collection: 'payload-migrations',
          data: { name: 'evil', batch: 99 },
          overrideAccess: false,
          user: await userOf(EMAILS[actor]),
        }),
        actor,
      ).rejects.toThrow()
    }
    const rest = await api('/api/payload-migrations', 'hq')
    expect(rest.status).toBeGreaterThanOrEqual(400)
  })

  it('payload-jobs: closed to everyone through the API', async () => {
    await server.payload.jobs.queue({ task: 'expireUnconfirmedBookings', input: {} })
    for (const actor of ['anonymous', 'kitakyushuStaff', 'kitakyushuAdmin', 'hq'] as const) {
      const list = await api('/api/payload-jobs', actor)
      expect(list.status, actor).toBeGreaterThanOrEqual(400)
      const create = await api('/api/payload-jobs', actor, {
        method: 'POST',
        body: JSON.stringify({ taskSlug: 'expireUnconfirmedBookings', input: {} }),
      })
      expect(create.status, actor).toBeGreaterThanOrEqual(400)
    }
  })
})
