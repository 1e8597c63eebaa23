import fc from 'fast-check'
import type { CollectionSlug, GlobalSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { addDays, tokyoDateOf } from '../../src/lib/tokyoTime'
import {
  allEligible,
  at,
  bookableDates,
  ensurePublishedEdition,
  kitakyushuPolicy,
  officeIdOf,
} from '../integration/booking/support'
import { startTestServer, type TestServer } from '../support/server'
import { openForm, postForm, type OpenedForm } from './siteForm'

/**
 * Generated hostile input against every public endpoint and every page of the booking site:
 * Mongo-style operators, prototype pollution keys, huge strings, wrong types, invalid dates and
 * time zones, most of it inside requests that are otherwise well formed, so that it reaches the
 * real validation rather than a rate limit, an unknown office or the site's form token. Every
 * answer must be a client error with a code or a page (or a plain success for a harmless GET),
 * never a 5xx; no row of any collection and no global may change, and Object.prototype must stay
 * as it was.
 */

/**
 * The runs' unit: the GET test makes twelve of them, the POST test three, shared among all of
 * that test's routes (the site's included), so that a run takes as long as before the site.
 */
const RUNS_PER_ENDPOINT = Number(process.env.KIYAKU_HOSTILE_RUNS ?? 400)
const GET_RUNS = 12 * RUNS_PER_ENDPOINT
const POST_RUNS = 3 * RUNS_PER_ENDPOINT
/** The site's form takes a quarter of the POST runs; the three JSON endpoints the rest. */
const SITE_POST_RUNS = Math.round(POST_RUNS / 4)
/**
 * A guard against a hang, not a speed bound: 4,800 GETs took 6 minutes on two cores at a load
 * average of 15 to 20.
 */
const PROPERTY_TIMEOUT_MS = 900_000
const REAL_SLUGS = ['isesaki', 'kitakyushu-mothers'] as const
/** The key the pollution payloads try to plant on Object.prototype. */
const POLLUTION_KEY = 'kiyakuPolluted'

let server: TestServer
let edition: number

beforeAll(async () => {
  server = await startTestServer({ env: { KIYAKU_PUBLIC_RATE_LIMIT: '1000000' } })
  const kitakyushu = await officeIdOf(server.payload, 'kitakyushu-mothers')
  edition = await ensurePublishedEdition(server.payload, kitakyushu)
})
afterAll(async () => {
  await server?.close()
})

// ---------------------------------------------------------------------------------------------
// What "nothing is written" compares: every row of every collection, and every global.

type Snapshot = Record<string, unknown[]>

async function snapshot(): Promise<Snapshot> {
  const rows: Snapshot = {}
  for (const { slug } of server.payload.config.collections) {
    const found = await server.payload.find({
      collection: slug as CollectionSlug,
      pagination: false,
      depth: 0,
      sort: 'id',
      showHiddenFields: true,
      overrideAccess: true,
    })
    rows[slug] = found.docs
  }
  for (const { slug } of server.payload.config.globals) {
    rows[`global:${slug}`] = [
      await server.payload.findGlobal({ slug: slug as GlobalSlug, depth: 0, overrideAccess: true }),
    ]
  }
  return rows
}

/**
 * Every collection and global exactly as before, except two records of what was refused: the
 * shared wrong-token counter adds a row per wrong token (a keyed hash of the address, never the
 * address) and prunes old ones, and a refused booking adds an audit entry holding only its rule
 * code and channel (the usage dashboard counts refusals by code from them).
 */
function expectNothingWritten(before: Snapshot, after: Snapshot, addresses: Set<string>) {
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
  for (const key of Object.keys(before)) {
    if (key === 'address-hits' || key === 'audit-log') continue
    expect(after[key], `rows of ${key}`).toEqual(before[key])
  }
  const auditBefore = before['audit-log'] as { id: unknown }[]
  const auditAfter = after['audit-log'] as { id: unknown; after?: object | null }[]
  expect(auditAfter.slice(0, auditBefore.length), 'existing audit entries').toEqual(auditBefore)
  for (const entry of auditAfter.slice(auditBefore.length)) {
    expect(entry, 'a new audit entry is a refusal record').toMatchObject({
      action: 'bookings.refused',
      collectionSlug: 'bookings',
      before: null,
    })
    expect(Object.keys(entry.after ?? {}).sort()).toEqual(['channel', 'code'])
    const text = JSON.stringify(entry)
    for (const address of addresses) expect(text).not.toContain(address)
  }
  const earlier = new Map(
    (before['address-hits'] as { id: unknown }[]).map((row) => [String(row.id), row]),
  )
  for (const row of after['address-hits'] as { id: unknown; bucket: string }[]) {
    const old = earlier.get(String(row.id))
    if (old) {
      expect(row, 'an existing address-hits row is never changed').toEqual(old)
      continue
    }
    expect(row.bucket).toMatch(/^wrong-token\|/)
    const text = JSON.stringify(row)
    for (const address of addresses) expect(text).not.toContain(address)
  }
}

// ---------------------------------------------------------------------------------------------
// Object.prototype, whole: its own property names and what each holds.

function prototypeState(): [string, unknown][] {
  return Reflect.ownKeys(Object.prototype).map((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, key)!
    return [String(key), descriptor.value ?? [descriptor.get, descriptor.set]]
  })
}

function expectPrototypeUntouched(before: [string, unknown][]) {
  expect(prototypeState()).toEqual(before)
  expect(({} as Record<string, unknown>)[POLLUTION_KEY]).toBeUndefined()
}

// ---------------------------------------------------------------------------------------------
// Generators.

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

/** Objects that try to reach Object.prototype, in the two spellings JSON can carry. */
const pollution: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(
  JSON.parse(`{"__proto__": {"${POLLUTION_KEY}": "yes"}}`) as Record<string, unknown>,
  { constructor: { prototype: { [POLLUTION_KEY]: 'yes' } } },
)

const hostileObject: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileScalar,
    tie('object'),
    pollution,
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

/** Text that passes the type checks at the door and so meets the rules behind them. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '$gt',
    '{"$gt":""}',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    '０１２３',
    '\u0000',
    '',
    ' ',
    '../../etc/passwd',
  ),
)

/** A well-formed value most of the time, else text the rules must refuse or take as it is. */
function mostly(...wellFormed: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...wellFormed) },
    { weight: 1, arbitrary: hostileText },
  )
}

/**
 * Slot starts that parse but that no rule may accept: past, off the half hour, outside the
 * hours, on a Sunday, beyond the booking window, in another offset. A generated booking can
 * therefore never be written, whatever else it holds.
 */
function unbookableSlots(): string[] {
  const today = tokyoDateOf(new Date())
  const [day] = bookableDates(kitakyushuPolicy, 1)
  let sunday = addDays(today, 2)
  while (new Date(`${sunday}T12:00:00+09:00`).getUTCDay() !== 0) sunday = addDays(sunday, 1)
  return [
    at(addDays(today, -1), '10:00'),
    at(day!, '10:15'),
    at(day!, '09:00'),
    at(day!, '12:00'),
    at(day!, '16:00'),
    at(sunday, '10:00'),
    at(addDays(today, kitakyushuPolicy.bookingWindowDays + 30), '10:00'),
    `${day}T10:00:00+00:00`,
  ]
}

const BOOKING_FIELDS = [
  'slotStart',
  'applicant',
  'applicant.name',
  'applicant.email',
  'applicant.phone',
  'applicant.jobSeekerNumber',
  'consent',
  'consent.termsEdition',
  'consent.agreed',
  'eligibility',
] as const

/** A copy of `body` with the value at a dotted path replaced. */
function withValueAt(body: Record<string, unknown>, path: string, value: unknown) {
  const [head, tail] = path.split('.') as [string, string | undefined]
  if (!tail) return { ...body, [head]: value }
  const inner = body[head]
  return {
    ...body,
    [head]: { ...(inner && typeof inner === 'object' ? inner : {}), [tail]: value },
  }
}

/**
 * A booking body, well formed in its shape, consenting to the edition in force or another, with
 * hostile text in its fields; one in three has one field replaced by a hostile value of any type,
 * a prototype-pollution key or an unknown key.
 */
const bookingBody = (slots: string[], editionInForce: number) =>
  fc
    .record(
      {
        slotStart: mostly(...slots),
        applicant: fc.record(
          {
            name: mostly('山田 花子', 'Yamada Hanako'),
            email: mostly('hanako@example.test', 'not-an-address'),
            phone: mostly('090-1234-5678', '12'),
            jobSeekerNumber: mostly('13010-12345678', '1'),
            desiredDateTime: mostly('午前'),
            note: hostileText,
          },
          { requiredKeys: [] },
        ),
        consent: fc.record({
          termsEdition: fc.constantFrom(
            editionInForce,
            String(editionInForce),
            editionInForce + 1,
            1000,
          ),
          agreed: fc.constant(true),
        }),
        eligibility: fc.oneof(
          fc.constant(allEligible(kitakyushuPolicy)),
          fc.dictionary(
            hostileText.map((key) => key.slice(0, 64)),
            fc.boolean(),
            { maxKeys: 3 },
          ),
        ),
      },
      { requiredKeys: ['slotStart', 'applicant', 'consent'] },
    )
    .chain((body: Record<string, unknown>) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(body) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom(...BOOKING_FIELDS), fc.oneof(hostileScalar, hostileObject))
            .map(([path, value]) => withValueAt(body, path, value)),
        },
        { weight: 1, arbitrary: pollution.map((extra) => ({ ...body, ...extra })) },
        { weight: 1, arbitrary: hostileObject.map((extra) => ({ ...body, extra })) },
      ),
    )

/** Link tokens shaped like real ones (so they are looked up), or hostile. */
const tokenBody = fc
  .record({
    token: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.string({
          unit: fc.constantFrom(
            ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
          ),
          minLength: 43,
          maxLength: 43,
        }),
      },
      { weight: 1, arbitrary: hostileScalar },
    ),
  })
  .chain((body) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(body) },
      { weight: 1, arbitrary: pollution.map((extra) => ({ ...body, ...extra })) },
    ),
  )

const queryValue = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '1',
      '2',
      '1000',
      'json',
      'html',
      'text',
      tokyoDateOf(new Date()),
      '2026-04-01',
      'a'.repeat(43),
      // An open 北九州 time (the form is shown) and a week's Monday.
      at(bookableDates(kitakyushuPolicy, 1)[0]!, '10:00'),
      '2026-11-23',
    ),
  },
  { weight: 2, arbitrary: hostileScalar.map((value) => String(value)) },
)

const queryString = fc
  .dictionary(
    fc.oneof(
      { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          'at',
          'from',
          'to',
          'format',
          'token',
          'week',
          'slot',
          'where[$gt]',
          `__proto__[${POLLUTION_KEY}]`,
          `constructor[prototype][${POLLUTION_KEY}]`,
          'from[$gt]',
        ),
      },
    ),
    queryValue,
    { maxKeys: 4 },
  )
  .map((params) => new URLSearchParams(params).toString())

/** Real offices most of the time: an unknown office stops a request before its validation. */
const SLUGS = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...REAL_SLUGS) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom('nope', '__proto__', '$where', '%00', 'ISESAKI'),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
    ),
  },
)

/**
 * A different client address per run (the server trusts X-Forwarded-For from loopback), so the
 * ten-a-minute wrong-token limit meets only the few runs that share an address; 1 in 20 runs come
 * from one fixed address, so the limit itself is met too.
 */
const clientAddress = fc.oneof(
  { weight: 19, arbitrary: fc.ipV4() },
  { weight: 1, arbitrary: fc.constant('203.0.113.7') },
)

const GET_PATHS = [
  (slug: string) => `/public/v1/offices/${slug}/terms`,
  (slug: string) => `/public/v1/offices/${slug}/terms/editions`,
  (slug: string) => `/public/v1/offices/${slug}/terms/editions/${slug}`,
  (slug: string) => `/public/v1/offices/${slug}/terms/editions/1`,
  (slug: string) => `/public/v1/offices/${slug}/terms/compare`,
  (slug: string) => `/public/v1/offices/${slug}/notices`,
  (slug: string) => `/public/v1/offices/${slug}/notices.atom`,
  (slug: string) => `/public/v1/offices/${slug}/policy`,
  (slug: string) => `/public/v1/offices/${slug}/slots`,
  () => `/public/v1/offices`,
  () => `/public/v1/bookings/confirm`,
  () => `/public/v1/bookings/cancel`,
]

/** The booking site's pages, the embeddable terms and the API reference. */
const SITE_GET_PATHS = [
  () => `/`,
  (slug: string) => `/offices/${slug}`,
  (slug: string) => `/offices/${slug}/slots`,
  (slug: string) => `/offices/${slug}/book`,
  (slug: string) => `/public/v1/offices/${slug}/terms/embed`,
  () => `/public/v1/openapi.json`,
  () => `/public/docs`,
]

const ALL_GET_PATHS = [...GET_PATHS, ...SITE_GET_PATHS]
const isSiteGet = (index: number) => index >= GET_PATHS.length

const POST_PATHS = [
  (slug: string) => `/public/v1/offices/${slug}/bookings`,
  () => `/public/v1/bookings/confirm`,
  () => `/public/v1/bookings/cancel`,
]

// ---------------------------------------------------------------------------------------------
// The site's form post.

/** The site's form posts: 北九州 (self-service) most of the time, so the rules are met. */
const SITE_SLUGS = fc.oneof(
  { weight: 17, arbitrary: fc.constant('kitakyushu-mothers') },
  { weight: 1, arbitrary: fc.constant('isesaki') },
  { weight: 3, arbitrary: SLUGS },
)

/** Form fields as name/value pairs, in order, a name possibly twice. */
type FormPairs = [string, string][]

/**
 * The form as the page has it, with hostile text in its fields; four in ten have a field sent
 * twice with a hostile value, prototype-pollution names in the bracket spellings or extra
 * hostile fields.
 */
const siteFormPairs = (slots: string[], editionInForce: number) =>
  fc
    .record({
      slotStart: mostly(...slots),
      name: mostly('山田 花子', 'Yamada Hanako'),
      email: mostly('hanako@example.test', 'not-an-address'),
      phone: mostly('090-1234-5678', '12'),
      jobSeekerNumber: mostly('13010-12345678', '1', ''),
      note: hostileText,
      eligibility: fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.constant('yes') },
          { weight: 1, arbitrary: hostileText },
        ),
        {
          minLength: kitakyushuPolicy.eligibility.length,
          maxLength: kitakyushuPolicy.eligibility.length,
        },
      ),
      termsEdition: mostly(String(editionInForce), String(editionInForce + 1), '1000'),
      agreed: mostly('yes', ''),
      trap: fc.oneof(
        { weight: 19, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: hostileText },
      ),
    })
    .map((form): FormPairs => [
      ['slotStart', form.slotStart],
      ['applicant.name', form.name],
      ['applicant.email', form.email],
      ['applicant.phone', form.phone],
      ['applicant.jobSeekerNumber', form.jobSeekerNumber],
      ['applicant.note', form.note],
      ['website', form.trap],
      ...kitakyushuPolicy.eligibility.map(({ id }, i): [string, string] => [
        `eligibility.${id}`,
        form.eligibility[i]!,
      ]),
      ['termsEdition', form.termsEdition],
      ['agreed', form.agreed],
    ])
    .chain((pairs) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(pairs) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom(...pairs.map(([name]) => name)), hostileText)
            .map(([name, value]): FormPairs => [...pairs, [name, value]]),
        },
        {
          weight: 2,
          arbitrary: fc
            .constantFrom(
              `__proto__[${POLLUTION_KEY}]`,
              `constructor[prototype][${POLLUTION_KEY}]`,
              `applicant.__proto__.${POLLUTION_KEY}`,
              '__proto__',
              'constructor',
            )
            .map((name): FormPairs => [...pairs, [name, 'yes']]),
        },
        {
          weight: 1,
          arbitrary: fc
            .array(fc.tuple(hostileText, hostileText), { maxLength: 4 })
            .map((extra): FormPairs => [...pairs, ...extra]),
        },
      ),
    )

/** A body that is no form at all: broken escapes, too many fields, too large. */
const rawSiteBody = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '%',
    '%zz=%E0%A4%A',
    '&&&==&',
    'slotStart[$gt]=&applicant[name]=x',
    `__proto__[${POLLUTION_KEY}]=yes&constructor[prototype][${POLLUTION_KEY}]=yes`,
    Array.from({ length: 150 }, (_, i) => `f${i}=x`).join('&'),
    `applicant.note=${'x'.repeat(40_000)}`,
  ),
)

/**
 * How the post meets the form token: most carry the cookie and the field that belong together;
 * the rest lack one, carry a wrong or another visitor's, or come from another site.
 */
const CSRF_CASES = [
  'none',
  'no-field',
  'no-cookie',
  'wrong-field',
  'other-cookie',
  'hostile-cookie',
  'foreign-origin',
] as const
type CsrfCase = 'valid' | (typeof CSRF_CASES)[number]
const csrfCase: fc.Arbitrary<CsrfCase> = fc.oneof(
  { weight: 28, arbitrary: fc.constant('valid' as const) },
  { weight: 1, arbitrary: fc.constantFrom(...CSRF_CASES) },
  { weight: 1, arbitrary: fc.constantFrom(...CSRF_CASES) },
  { weight: 1, arbitrary: fc.constantFrom(...CSRF_CASES) },
  { weight: 1, arbitrary: fc.constantFrom(...CSRF_CASES) },
)

/** The cookie and form-token field one post sends, for its case. */
function csrfOf(
  kind: CsrfCase,
  visitor: OpenedForm,
  otherVisitor: OpenedForm,
  hostile: string,
): { cookie: string; field: string | null; origin?: string } {
  switch (kind) {
    case 'valid':
      return { cookie: visitor.cookie, field: visitor.formToken }
    case 'none':
      return { cookie: '', field: null }
    case 'no-field':
      return { cookie: visitor.cookie, field: null }
    case 'no-cookie':
      return { cookie: '', field: visitor.formToken }
    case 'wrong-field':
      return { cookie: visitor.cookie, field: hostile }
    case 'other-cookie':
      return { cookie: otherVisitor.cookie, field: visitor.formToken }
    case 'hostile-cookie':
      return { cookie: `kiyaku_form=${encodeURIComponent(hostile)}`, field: visitor.formToken }
    case 'foreign-origin':
      return { cookie: visitor.cookie, field: visitor.formToken, origin: 'https://evil.example' }
  }
}

/**
 * The answer's error code: null for a success, '(html)' for a page, and for JSON the first
 * error's code, which must be there with a message.
 */
async function expectClientErrorWithCode(
  response: Response,
  label: string,
): Promise<string | null> {
  expect(response.status, label).toBeLessThan(500)
  if (response.status < 400) {
    await response.arrayBuffer()
    return null
  }
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) {
    await response.arrayBuffer()
    return `(${type.split(';')[0]})`
  }
  const body = (await response.json()) as { errors?: { code?: unknown; message?: unknown }[] }
  expect(typeof body.errors?.[0]?.code, `${label} has an error code`).toBe('string')
  expect(typeof body.errors?.[0]?.message, `${label} has a message`).toBe('string')
  return body.errors![0]!.code as string
}

/** A page's answer by its status ('(422)'), a JSON error by its code. */
function pageCode(code: string | null, status: number): string {
  return code === null || code.startsWith('(') ? `(${status})` : code
}

/** Answers that never got to look at the input itself. */
const STOPPED_EARLY = new Set(['rate_limited', 'office_not_found', 'not_found'])

/** Answers from the input checks at the door (zod, JSON), before the booking rules. */
const DOOR_CODES = new Set(['invalid_field', 'missing_field', 'invalid_json'])

class Tally {
  readonly codes = new Map<string, number>()
  runs = 0
  add(code: string | null, status: number) {
    this.runs++
    // Token pages answer a limit in HTML: counted by status.
    const key = status === 429 ? 'rate_limited' : (code ?? `(${status})`)
    this.codes.set(key, (this.codes.get(key) ?? 0) + 1)
  }
  count(predicate: (code: string) => boolean): number {
    let total = 0
    for (const [code, count] of this.codes) if (predicate(code)) total += count
    return total
  }
  get reachedValidation(): number {
    return this.runs - this.count((code) => STOPPED_EARLY.has(code))
  }
  describe(): string {
    return JSON.stringify(Object.fromEntries(this.codes))
  }
}

describe('hostile input to the public API', () => {
  it(
    'never answers a generated GET with a 5xx, and writes nothing',
    async () => {
      const before = await snapshot()
      const prototypeBefore = prototypeState()
      const addresses = new Set<string>()
      const tally = new Tally()
      const siteTally = new Tally()
      let pollutingRuns = 0
      await fc.assert(
        fc.asyncProperty(
          fc.nat(ALL_GET_PATHS.length - 1),
          SLUGS,
          queryString,
          clientAddress,
          async (index, slug, query, address) => {
            addresses.add(address)
            if (query.includes(POLLUTION_KEY)) pollutingRuns++
            const path = `${ALL_GET_PATHS[index]!(slug)}?${query}`
            const response = await fetch(`${server.url}${path}`, {
              headers: { 'x-forwarded-for': address },
            })
            const label = `GET ${path.slice(0, 200)}`
            const code = await expectClientErrorWithCode(response, label)
            tally.add(code, response.status)
            if (isSiteGet(index)) siteTally.add(pageCode(code, response.status), response.status)
          },
        ),
        { numRuns: GET_RUNS },
      )
      expect(pollutingRuns).toBeGreaterThan(0)
      // The site's pages were rendered, not stopped, for most of their hostile queries.
      expect(siteTally.runs).toBeGreaterThan(0)
      expect(
        siteTally.count((code) => code === '(200)' || code === '(409)') / siteTally.runs,
        siteTally.describe(),
      ).toBeGreaterThan(0.6)
      expectPrototypeUntouched(prototypeBefore)
      expectNothingWritten(before, await snapshot(), addresses)
      // Most runs got past the rate limits and the office lookup to the checks of their input.
      expect(tally.reachedValidation / tally.runs, tally.describe()).toBeGreaterThan(0.7)
      expect(
        tally.count((code) => code === 'rate_limited'),
        tally.describe(),
      ).toBeLessThan(tally.runs * 0.05)
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    'never answers a generated POST body with a 5xx, and writes nothing',
    async () => {
      const slots = unbookableSlots()
      const before = await snapshot()
      const prototypeBefore = prototypeState()
      const addresses = new Set<string>()
      const tally = new Tally()
      const bookingTally = new Tally()
      let pollutingRuns = 0
      await fc.assert(
        fc.asyncProperty(
          fc.nat(POST_PATHS.length - 1),
          SLUGS,
          fc.oneof({ weight: 4, arbitrary: fc.constant('shaped') }, fc.constant('hostile')),
          bookingBody(slots, edition),
          tokenBody,
          hostileObject,
          fc.oneof(
            { weight: 8, arbitrary: fc.constant('application/json') },
            fc.constantFrom('text/plain', 'application/x-www-form-urlencoded'),
          ),
          clientAddress,
          async (index, slug, kind, booking, token, hostile, contentType, address) => {
            addresses.add(address)
            const path = POST_PATHS[index]!(slug)
            const body = kind === 'hostile' ? hostile : index === 0 ? booking : token
            const text = JSON.stringify(body) ?? 'null'
            if (text.includes(POLLUTION_KEY)) pollutingRuns++
            const response = await fetch(`${server.url}${path}`, {
              method: 'POST',
              headers: { 'content-type': contentType, 'x-forwarded-for': address },
              body: text,
            })
            expect(response.status, `POST ${path}`).toBeGreaterThanOrEqual(400)
            const code = await expectClientErrorWithCode(response, `POST ${path}`)
            tally.add(code, response.status)
            if (index === 0 && contentType === 'application/json' && kind === 'shaped') {
              bookingTally.add(code, response.status)
            }
          },
        ),
        { numRuns: POST_RUNS - SITE_POST_RUNS },
      )
      expect(pollutingRuns).toBeGreaterThan(0)
      expectPrototypeUntouched(prototypeBefore)
      expectNothingWritten(before, await snapshot(), addresses)
      expect(tally.reachedValidation / tally.runs, tally.describe()).toBeGreaterThan(0.7)
      expect(
        tally.count((code) => code === 'rate_limited'),
        tally.describe(),
      ).toBeLessThan(tally.runs * 0.05)
      // Well-formed booking bodies get past the door to the booking rules in good numbers.
      const ruled = bookingTally.count(
        (code) => !STOPPED_EARLY.has(code) && !DOOR_CODES.has(code) && !code.startsWith('('),
      )
      expect(ruled / bookingTally.runs, bookingTally.describe()).toBeGreaterThan(0.2)
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    'never answers a generated post of the site’s form with a 5xx, and writes nothing',
    async () => {
      const slots = unbookableSlots()
      // Two visitors' cookies and form tokens, as the form page hands them out.
      const [day] = bookableDates(kitakyushuPolicy, 1)
      const visitor = await openForm(server.url, 'kitakyushu-mothers', at(day!, '10:00'))
      const otherVisitor = await openForm(server.url, 'kitakyushu-mothers', at(day!, '10:00'))
      for (const form of [visitor, otherVisitor]) {
        expect(form.status, form.text).toBe(200)
        expect(form.cookie).toMatch(/^kiyaku_form=./)
        expect(form.formToken).not.toBe('')
      }
      expect(visitor.formToken).not.toBe(otherVisitor.formToken)
      const before = await snapshot()
      const prototypeBefore = prototypeState()
      const addresses = new Set<string>()
      const tally = new Tally()
      /** Posts with the right token and a form body to 北九州: these must meet the rules. */
      const validTally = new Tally()
      let pollutingRuns = 0
      await fc.assert(
        fc.asyncProperty(
          SITE_SLUGS,
          csrfCase,
          fc.oneof({ weight: 9, arbitrary: fc.constant('form') }, fc.constant('raw')),
          siteFormPairs(slots, edition),
          rawSiteBody,
          hostileText,
          fc.oneof(
            { weight: 36, arbitrary: fc.constant('application/x-www-form-urlencoded') },
            fc.constantFrom(
              'application/json',
              'text/plain',
              'application/x-www-form-urlencoded; charset=utf-16',
              'multipart/form-data; boundary=x',
            ),
          ),
          clientAddress,
          async (slug, kind, shape, pairs, raw, hostile, contentType, address) => {
            addresses.add(address)
            const { cookie, field, origin } = csrfOf(kind, visitor, otherVisitor, hostile)
            const body =
              shape === 'raw'
                ? `${field === null ? '' : `formToken=${encodeURIComponent(field)}&`}${raw}`
                : new URLSearchParams([
                    ...(field === null ? [] : [['formToken', field] as [string, string]]),
                    ...pairs,
                  ]).toString()
            if (body.includes(POLLUTION_KEY)) pollutingRuns++
            const response = await postForm(server.url, slug, cookie, body, {
              'content-type': contentType,
              'x-forwarded-for': address,
              ...(origin ? { origin } : {}),
            })
            const label = `POST /offices/${slug}/book (${kind}, ${shape}, ${contentType})`
            expect(response.status, label).toBeGreaterThanOrEqual(400)
            const code = pageCode(await expectClientErrorWithCode(response, label), response.status)
            tally.add(code, response.status)
            if (
              kind === 'valid' &&
              shape === 'form' &&
              slug === 'kitakyushu-mothers' &&
              contentType === 'application/x-www-form-urlencoded'
            ) {
              validTally.add(code, response.status)
            }
          },
        ),
        { numRuns: SITE_POST_RUNS },
      )
      expect(pollutingRuns).toBeGreaterThan(0)
      expectPrototypeUntouched(prototypeBefore)
      expectNothingWritten(before, await snapshot(), addresses)
      // Every kind of token case was met, and the token check refused the ones it must.
      expect(
        tally.count((code) => code === '(403)'),
        tally.describe(),
      ).toBeGreaterThan(0)
      // Most posts carry the right token and reach the booking rules (422, or 409 when taken):
      // about two in three are expected (token, office, content type, honeypot).
      const ruled = (t: Tally) => t.count((code) => code === '(422)' || code === '(409)')
      expect(ruled(tally) / tally.runs, tally.describe()).toBeGreaterThan(0.5)
      // With the right token and a form, only the honeypot (1 in 20) stops a post before them.
      expect(ruled(validTally) / validTally.runs, validTally.describe()).toBeGreaterThan(0.85)
    },
    PROPERTY_TIMEOUT_MS,
  )

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
