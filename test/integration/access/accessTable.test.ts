import type { CollectionSlug, Payload, TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bearer, login, startTestServer, type TestServer } from '../../support/server'
import { insertFixture } from './fixtures'
import { allEligible, at, bookableDates, kitakyushuPolicy } from '../booking/support'

type Actor =
  'anonymous' | 'hq' | 'kitakyushuAdmin' | 'isesakiAdmin' | 'kitakyushuStaff' | 'isesakiStaff'
type Operation = 'read' | 'create' | 'update' | 'delete'
type Expectation = Record<Operation, boolean>

const ACTOR_EMAILS: Record<Exclude<Actor, 'anonymous'>, string> = {
  hq: 'hq@demo.test',
  kitakyushuAdmin: 'kitakyushu-admin@demo.test',
  isesakiAdmin: 'isesaki-admin@demo.test',
  kitakyushuStaff: 'kitakyushu-staff@demo.test',
  isesakiStaff: 'isesaki-staff@demo.test',
}

const none: Expectation = { read: false, create: false, update: false, delete: false }
const all: Expectation = { read: true, create: true, update: true, delete: true }
const readOnly: Expectation = { ...none, read: true }

/**
 * What each role may do to a document of 北九州 (kitakyushu-mothers). 伊勢崎's admin and staff are
 * the "other office": they must never reach it, whatever the path.
 */
const TABLE: Record<string, Record<Actor, Expectation>> = {
  offices: {
    anonymous: readOnly,
    hq: all,
    kitakyushuAdmin: { ...readOnly, update: true },
    isesakiAdmin: readOnly,
    kitakyushuStaff: readOnly,
    isesakiStaff: readOnly,
  },
  users: {
    anonymous: none,
    hq: all,
    kitakyushuAdmin: readOnly,
    isesakiAdmin: none,
    kitakyushuStaff: none,
    isesakiStaff: none,
  },
  'reservation-policies': {
    anonymous: none,
    hq: all,
    kitakyushuAdmin: all,
    isesakiAdmin: none,
    kitakyushuStaff: readOnly,
    isesakiStaff: none,
  },
  bookings: {
    anonymous: none,
    hq: all,
    kitakyushuAdmin: { ...all, delete: false },
    isesakiAdmin: none,
    kitakyushuStaff: { ...all, delete: false },
    isesakiStaff: none,
  },
  'applicant-standings': {
    anonymous: none,
    hq: all,
    kitakyushuAdmin: all,
    isesakiAdmin: none,
    kitakyushuStaff: { ...all, delete: false },
    isesakiStaff: none,
  },
  'terms-templates': {
    anonymous: none,
    hq: all,
    kitakyushuAdmin: readOnly,
    isesakiAdmin: readOnly,
    kitakyushuStaff: readOnly,
    isesakiStaff: readOnly,
  },
  // The fixture is a draft: the public sees published editions and notices only.
  'terms-editions': {
    anonymous: none,
    hq: all,
    kitakyushuAdmin: all,
    isesakiAdmin: none,
    kitakyushuStaff: readOnly,
    isesakiStaff: none,
  },
  'change-notices': {
    anonymous: none,
    hq: all,
    kitakyushuAdmin: all,
    isesakiAdmin: none,
    kitakyushuStaff: readOnly,
    isesakiStaff: none,
  },
  'audit-log': {
    anonymous: none,
    hq: readOnly,
    kitakyushuAdmin: none,
    isesakiAdmin: none,
    kitakyushuStaff: none,
    isesakiStaff: none,
  },
  // Written by the server only; HQ may look at who ran which job.
  claims: {
    anonymous: none,
    hq: readOnly,
    kitakyushuAdmin: none,
    isesakiAdmin: none,
    kitakyushuStaff: none,
    isesakiStaff: none,
  },
  // Hashed addresses for the shared rate limit: nobody reads them through the API.
  'address-hits': {
    anonymous: none,
    hq: none,
    kitakyushuAdmin: none,
    isesakiAdmin: none,
    kitakyushuStaff: none,
    isesakiStaff: none,
  },
}

const ACTORS = Object.keys(TABLE.offices!) as Actor[]
const COLLECTIONS = Object.keys(TABLE) as CollectionSlug[]

let server: TestServer
let payload: Payload
let kitakyushu: number | string
const tokens = new Map<Actor, string>()
const users = new Map<Actor, TypedUser>()
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

/** Free 北九州 slots, one per allowed booking create. */
const freeSlots: string[] = []

beforeAll(async () => {
  for (const day of bookableDates(kitakyushuPolicy, 3)) {
    for (const time of ['10:00', '10:30', '11:00', '11:30']) freeSlots.push(at(day, time))
  }
  server = await startTestServer()
  payload = server.payload
  const offices = await payload.find({
    collection: 'offices',
    where: { slug: { equals: 'kitakyushu-mothers' } },
  })
  kitakyushu = offices.docs[0]!.id
  for (const actor of ACTORS) {
    if (actor === 'anonymous') continue
    tokens.set(actor, await login(server.url, ACTOR_EMAILS[actor]))
    const found = await payload.find({
      collection: 'users',
      where: { email: { equals: ACTOR_EMAILS[actor] } },
      depth: 0,
    })
    users.set(actor, { ...found.docs[0], collection: 'users' } as unknown as TypedUser)
  }
})

afterAll(async () => {
  await server?.close()
})

/**
 * A change per collection that leaves a mark a read-back can see: a value unique to the call, in
 * a field that the collection's hooks keep as given.
 */
function markerFor(collection: CollectionSlug, mark: string): Record<string, unknown> {
  switch (collection) {
    case 'offices':
      return { staffNotes: `note ${mark}` }
    case 'users':
    case 'terms-templates':
      return { name: `name ${mark}` }
    case 'reservation-policies':
      return { noShowGraceMinutes: 11 + (counter % 19) }
    case 'bookings':
      return { meetingUrl: `https://meet.example.test/${mark}` }
    case 'applicant-standings':
      return { label: `label ${mark}` }
    case 'terms-editions':
      return { effectiveFrom: uniqueFutureDay() }
    case 'change-notices':
      return { title: `title ${mark}` }
    case 'audit-log':
      return { action: `action ${mark}` }
    case 'claims':
      return { claimedBy: `by ${mark}` }
    case 'address-hits':
      return { bucket: `bucket ${mark}` }
    default:
      throw new Error(`no marker for ${collection}`)
  }
}

let dayCounter = 0
function uniqueFutureDay(): string {
  return new Date(Date.UTC(2098, 0, 1 + dayCounter++)).toISOString().slice(0, 10)
}

/** True when every marked field holds the marked value. */
function markTook(doc: Record<string, unknown> | null, marker: Record<string, unknown>): boolean {
  if (!doc) return false
  return Object.entries(marker).every(([key, value]) => {
    const stored = doc[key]
    if (key === 'effectiveFrom' && typeof stored === 'string')
      return stored.startsWith(String(value))
    return JSON.stringify(stored) === JSON.stringify(value)
  })
}

async function storedDoc(
  collection: CollectionSlug,
  id: number | string,
): Promise<Record<string, unknown> | null> {
  const found = await payload.find({
    collection,
    where: { id: { equals: id } },
    depth: 0,
    showHiddenFields: true,
    overrideAccess: true,
  })
  return (found.docs[0] as unknown as Record<string, unknown>) ?? null
}

/** Data for a create: a fresh document of 北九州, built like the fixtures. */
async function createData(collection: CollectionSlug): Promise<Record<string, unknown>> {
  const fixture = await insertFixture(payload, collection, kitakyushu, unique())
  const doc = (await payload.findByID({
    collection,
    id: fixture.id,
    depth: 0,
    showHiddenFields: true,
  })) as unknown as Record<string, unknown>
  await payload.db.deleteOne({
    collection,
    where: { id: { equals: fixture.id } },
    req: {} as never,
  })
  const { id: _id, createdAt: _c, updatedAt: _u, ...data } = doc
  if (collection === 'users') Object.assign(data, { password: 'a-long-password-1' })
  if (collection === 'bookings') return bookingData()
  return data
}

/** A booking the rules accept: staff-scheduled, on a free 北九州 slot of its own. */
function bookingData(): Record<string, unknown> {
  const slot = freeSlots.shift()
  if (!slot) throw new Error('out of free slots')
  return {
    office: kitakyushu,
    slotStart: slot,
    channel: 'staff-scheduled',
    status: 'confirmed',
    applicant: {
      name: '申込 太郎',
      email: `applicant-${unique()}@demo.test`,
      phone: '0930000000',
      jobSeekerNumber: `40010-${String(100000 + freeSlots.length)}`,
      desiredDateTime: '午前',
    },
    consent: { shownVia: 'phone' },
    eligibility: allEligible(kitakyushuPolicy),
  }
}

/** The 北九州 document an operation targets; for offices, 北九州 itself (but never delete it). */
async function targetOf(
  collection: CollectionSlug,
  operation: Operation,
): Promise<{ id: number | string }> {
  if (collection === 'offices' && operation !== 'delete') return { id: kitakyushu }
  return insertFixture(payload, collection, kitakyushu, unique())
}

function headersFor(actor: Actor): Record<string, string> {
  const token = tokens.get(actor)
  return { 'content-type': 'application/json', ...(token ? bearer(token) : {}) }
}

/** Denied means the access layer refused: 403, or 404 where a scoped query hides the document. */
function refused(status: number): boolean {
  return status === 403 || status === 404
}

type Outcome = 'allowed' | 'denied'

/**
 * Allowed: a 2xx whose effect a read-back (past access) finds. Denied: exactly 403 or 404, or a
 * 2xx that changed nothing (a field dropped by field access). Anything else fails the case.
 */
async function restOutcome(
  actor: Actor,
  collection: CollectionSlug,
  operation: Operation,
): Promise<Outcome> {
  const base = `${server.url}/api/${collection}`
  const headers = headersFor(actor)
  const label = `${operation} ${collection} as ${actor}`
  if (operation === 'create') {
    const marker = markerFor(collection, unique())
    const response = await fetch(base, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...(await createData(collection)), ...marker }),
    })
    const text = await response.text()
    if (refused(response.status)) return 'denied'
    expect(response.status, `${label}: ${text}`).toBe(201)
    const id = (JSON.parse(text) as { doc: { id: number | string } }).doc.id
    return markTook(await storedDoc(collection, id), marker) ? 'allowed' : 'denied'
  }
  const fixture = await targetOf(collection, operation)
  if (operation === 'read') {
    const byId = await fetch(`${base}/${fixture.id}?depth=0`, { headers })
    const text = await byId.text()
    const list = await fetch(`${base}?limit=1000&depth=0`, { headers })
    const listed =
      list.status === 200 &&
      ((await list.json()) as { docs: { id: unknown }[] }).docs.some(
        (doc) => String(doc.id) === String(fixture.id),
      )
    if (list.status !== 200)
      expect(refused(list.status), `list ${label}: ${list.status}`).toBe(true)
    if (refused(byId.status)) {
      expect(listed, `list and findByID agree for ${label}`).toBe(false)
      return 'denied'
    }
    expect(byId.status, `${label}: ${text}`).toBe(200)
    expect(String((JSON.parse(text) as { id: unknown }).id)).toBe(String(fixture.id))
    expect(listed, `list and findByID agree for ${label}`).toBe(true)
    return 'allowed'
  }
  if (operation === 'update') {
    const marker = markerFor(collection, unique())
    const response = await fetch(`${base}/${fixture.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify(marker),
    })
    const text = await response.text()
    if (refused(response.status)) return 'denied'
    expect(response.status, `${label}: ${text}`).toBe(200)
    return markTook(await storedDoc(collection, fixture.id), marker) ? 'allowed' : 'denied'
  }
  const response = await fetch(`${base}/${fixture.id}`, { method: 'DELETE', headers })
  const text = await response.text()
  if (refused(response.status)) return 'denied'
  expect(response.status, `${label}: ${text}`).toBe(200)
  return (await storedDoc(collection, fixture.id)) === null ? 'allowed' : 'denied'
}

/** The status of a Local API error: Payload's Forbidden and NotFound carry 403 and 404. */
function statusOf(error: unknown): number {
  return (error as { status?: number }).status ?? 500
}

async function localOutcome(
  actor: Actor,
  collection: CollectionSlug,
  operation: Operation,
): Promise<Outcome> {
  const user = users.get(actor) ?? null
  const options = { overrideAccess: false, user, depth: 0 } as const
  const label = `${operation} ${collection} as ${actor}`
  try {
    if (operation === 'create') {
      const marker = markerFor(collection, unique())
      const created = await payload.create({
        collection,
        data: { ...(await createData(collection)), ...marker },
        ...options,
      } as never)
      const id = (created as { id: number | string }).id
      return markTook(await storedDoc(collection, id), marker) ? 'allowed' : 'denied'
    }
    const fixture = await targetOf(collection, operation)
    if (operation === 'read') {
      const found = await payload.findByID({ collection, id: fixture.id, ...options })
      expect(String(found.id)).toBe(String(fixture.id))
      return 'allowed'
    }
    if (operation === 'update') {
      const marker = markerFor(collection, unique())
      await payload.update({ collection, id: fixture.id, data: marker, ...options } as never)
      return markTook(await storedDoc(collection, fixture.id), marker) ? 'allowed' : 'denied'
    }
    await payload.delete({ collection, id: fixture.id, ...options })
    return (await storedDoc(collection, fixture.id)) === null ? 'allowed' : 'denied'
  } catch (error) {
    if (refused(statusOf(error))) return 'denied'
    throw new Error(`${label}: ${statusOf(error)} ${String(error)}`, { cause: error })
  }
}

const CASES = COLLECTIONS.flatMap((collection) =>
  ACTORS.flatMap((actor) =>
    (['read', 'create', 'update', 'delete'] as Operation[]).map((operation) => ({
      collection,
      actor,
      operation,
      allowed: TABLE[collection]![actor][operation],
    })),
  ),
)

describe('access table through REST with a real login', () => {
  it.each(CASES)(
    '$actor $operation $collection → allowed: $allowed',
    async ({ actor, collection, operation, allowed }) => {
      expect(await restOutcome(actor, collection, operation)).toBe(allowed ? 'allowed' : 'denied')
    },
  )
})

describe('access table through the Local API with overrideAccess: false', () => {
  it.each(CASES)(
    '$actor $operation $collection → allowed: $allowed',
    async ({ actor, collection, operation, allowed }) => {
      expect(await localOutcome(actor, collection, operation)).toBe(allowed ? 'allowed' : 'denied')
    },
  )
})

type LoggedIn = Exclude<Actor, 'anonymous' | 'hq'>
const NON_HQ: LoggedIn[] = ['kitakyushuAdmin', 'isesakiAdmin', 'kitakyushuStaff', 'isesakiStaff']

/** The office each non-HQ actor belongs to, and the one it must not reach. */
async function officesOf(
  actor: LoggedIn,
): Promise<{ own: number | string; other: number | string }> {
  const slugs = actor.startsWith('kitakyushu')
    ? ['kitakyushu-mothers', 'isesaki']
    : ['isesaki', 'kitakyushu-mothers']
  const [own, other] = await Promise.all(
    slugs.map(async (slug) => {
      const found = await payload.find({ collection: 'offices', where: { slug: { equals: slug } } })
      return found.docs[0]!.id
    }),
  )
  return { own: own!, other: other! }
}

async function storedUser(actor: LoggedIn) {
  const doc = (await storedDoc('users', users.get(actor)!.id))!
  return {
    role: doc.role,
    offices: ((doc.offices ?? []) as { office: unknown }[]).map((row) =>
      String(
        row.office && typeof row.office === 'object'
          ? (row.office as { id: unknown }).id
          : row.office,
      ),
    ),
  }
}

describe('no user raises their own rights', () => {
  const SELF_CASES = NON_HQ.flatMap((actor) =>
    (['rest', 'local'] as const).map((path) => ({ actor, path })),
  )

  async function selfUpdate(
    actor: LoggedIn,
    path: 'rest' | 'local',
    data: Record<string, unknown>,
  ) {
    const id = users.get(actor)!.id
    if (path === 'rest') {
      const response = await fetch(`${server.url}/api/users/${id}`, {
        method: 'PATCH',
        headers: headersFor(actor),
        body: JSON.stringify(data),
      })
      const text = await response.text()
      if (refused(response.status)) return
      expect(response.status, text).toBe(200)
      return
    }
    try {
      await payload.update({
        collection: 'users',
        id,
        data,
        overrideAccess: false,
        user: users.get(actor)!,
        depth: 0,
      } as never)
    } catch (error) {
      if (!refused(statusOf(error))) throw error
    }
  }

  it.each(SELF_CASES)('$actor may change their own name ($path)', async ({ actor, path }) => {
    const name = `name ${unique()}`
    await selfUpdate(actor, path, { name })
    expect((await storedDoc('users', users.get(actor)!.id))!.name).toBe(name)
  })

  it.each(SELF_CASES)('$actor cannot make themself HQ ($path)', async ({ actor, path }) => {
    const before = await storedUser(actor)
    await selfUpdate(actor, path, { role: 'hq-admin' })
    expect(await storedUser(actor)).toEqual(before)
    await selfUpdate(actor, path, { role: 'office-admin' })
    expect(await storedUser(actor)).toEqual(before)
  })

  it.each(SELF_CASES)(
    '$actor cannot add another office to their own memberships ($path)',
    async ({ actor, path }) => {
      const before = await storedUser(actor)
      const { own, other } = await officesOf(actor)
      await selfUpdate(actor, path, { offices: [{ office: own }, { office: other }] })
      expect(await storedUser(actor)).toEqual(before)
      await selfUpdate(actor, path, { offices: [{ office: other }] })
      expect(await storedUser(actor)).toEqual(before)
    },
  )
})

/** hq-settings: every logged-in user reads it (the notice period), HQ alone changes it. */
const GLOBAL_TABLE: Record<Actor, { read: boolean; update: boolean }> = {
  anonymous: { read: false, update: false },
  hq: { read: true, update: true },
  kitakyushuAdmin: { read: true, update: false },
  isesakiAdmin: { read: true, update: false },
  kitakyushuStaff: { read: true, update: false },
  isesakiStaff: { read: true, update: false },
}

describe('access to the hq-settings global', () => {
  const GLOBAL_CASES = ACTORS.flatMap((actor) =>
    (['read', 'update'] as const).flatMap((operation) =>
      (['rest', 'local'] as const).map((path) => ({
        actor,
        operation,
        path,
        allowed: GLOBAL_TABLE[actor][operation],
      })),
    ),
  )

  const storedDays = async () =>
    (await payload.findGlobal({ slug: 'hq-settings', overrideAccess: true })).minimumNoticeDays

  it.each(GLOBAL_CASES)(
    '$actor $operation hq-settings ($path) → allowed: $allowed',
    async ({ actor, operation, path, allowed }) => {
      const original = await storedDays()
      const days = 31 + (counter++ % 300)
      let outcome: Outcome
      try {
        if (path === 'rest') {
          const response =
            operation === 'read'
              ? await fetch(`${server.url}/api/globals/hq-settings`, { headers: headersFor(actor) })
              : await fetch(`${server.url}/api/globals/hq-settings`, {
                  method: 'POST',
                  headers: headersFor(actor),
                  body: JSON.stringify({ minimumNoticeDays: days }),
                })
          const text = await response.text()
          if (refused(response.status)) outcome = 'denied'
          else {
            expect(response.status, text).toBe(200)
            outcome =
              operation === 'read'
                ? (JSON.parse(text) as { minimumNoticeDays?: unknown }).minimumNoticeDays ===
                  original
                  ? 'allowed'
                  : 'denied'
                : (await storedDays()) === days
                  ? 'allowed'
                  : 'denied'
          }
        } else {
          const user = users.get(actor) ?? null
          try {
            if (operation === 'read') {
              const found = await payload.findGlobal({
                slug: 'hq-settings',
                overrideAccess: false,
                user,
              })
              outcome = found.minimumNoticeDays === original ? 'allowed' : 'denied'
            } else {
              await payload.updateGlobal({
                slug: 'hq-settings',
                data: { minimumNoticeDays: days },
                overrideAccess: false,
                user,
              })
              outcome = (await storedDays()) === days ? 'allowed' : 'denied'
            }
          } catch (error) {
            if (!refused(statusOf(error))) throw error
            outcome = 'denied'
          }
        }
      } finally {
        await payload.updateGlobal({
          slug: 'hq-settings',
          data: { minimumNoticeDays: original },
          overrideAccess: true,
        })
      }
      expect(outcome).toBe(allowed ? 'allowed' : 'denied')
    },
  )
})
