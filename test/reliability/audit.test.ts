import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bearer, login, type TestServer } from '../support/server'
import {
  applicant,
  at,
  bookableDates,
  type BookingTestContext,
  KITAKYUSHU,
  kitakyushuPolicy,
  linkIn,
  mailTo,
  postJson,
  selfServiceBody,
  startBookingServer,
  tokenOf,
  uniqueEmail,
} from '../integration/booking/support'

let ctx: BookingTestContext
let server: TestServer
let hq: string

beforeAll(async () => {
  ctx = await startBookingServer()
  server = ctx.server
  hq = await login(server.url, 'hq@demo.test')
})
afterAll(async () => {
  await ctx?.close()
})

interface AuditEntry {
  action: string
  collectionSlug: string
  documentId: string
  actor: string
  at: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

async function auditFor(collection: string, id: number | string): Promise<AuditEntry[]> {
  const response = await fetch(
    `${server.url}/api/audit-log?where[collectionSlug][equals]=${collection}&where[documentId][equals]=${id}&sort=at&limit=100`,
    { headers: bearer(hq) },
  )
  expect(response.status).toBe(200)
  return ((await response.json()) as { docs: AuditEntry[] }).docs
}

describe('the audit trail', () => {
  it('records a policy change with its actor, time, before and after, readable by HQ only', async () => {
    const admin = await login(server.url, 'isesaki-admin@demo.test')
    const me = (await (
      await fetch(`${server.url}/api/users/me`, { headers: bearer(admin) })
    ).json()) as {
      user: { id: number | string }
    }
    const policies = (await (
      await fetch(`${server.url}/api/reservation-policies?limit=1&sort=-effectiveFrom`, {
        headers: bearer(admin),
      })
    ).json()) as { docs: { id: number | string; court: string }[] }
    const policy = policies.docs[0]!
    const response = await fetch(`${server.url}/api/reservation-policies/${policy.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...bearer(admin) },
      // Capacity is operational: a printed field of a policy that governs terms answers 409.
      body: JSON.stringify({ capacityPerSlot: 2 }),
    })
    expect(response.status).toBe(200)

    const entries = await auditFor('reservation-policies', policy.id)
    const update = entries.find((entry) => entry.action.startsWith('reservation-policies.update'))
    expect(update).toBeDefined()
    expect(update!.actor).toBe(`users:${me.user.id}`)
    expect(Date.parse(update!.at)).toBeGreaterThan(Date.now() - 60_000)
    expect(update!.before?.capacityPerSlot).toBe(1)
    expect(update!.after?.capacityPerSlot).toBe(2)

    const asAdmin = await fetch(`${server.url}/api/audit-log`, { headers: bearer(admin) })
    expect(asAdmin.status).toBe(403)
  })

  it('records publishing: the seeded editions carry an audit entry', async () => {
    const editions = (await (
      await fetch(`${server.url}/api/terms-editions?where[status][equals]=published&limit=1`, {
        headers: bearer(hq),
      })
    ).json()) as { docs: { id: number | string }[] }
    const entries = await auditFor('terms-editions', editions.docs[0]!.id)
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.at(-1)!.after?.status).toBe('published')
  })

  it('keeps secrets out of the trail', async () => {
    // A booking made and confirmed through the public API: its create and its confirmation are
    // audited, and both carry the fields that must be left out.
    const email = uniqueEmail('audit')
    const [day] = bookableDates(kitakyushuPolicy, 1)
    const created = await postJson(
      `${server.url}/public/v1/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(ctx.editions[KITAKYUSHU]!, at(day!, '10:00'), {
        applicant: applicant({ email }),
      }),
    )
    expect(created.status).toBe(202)
    const confirmToken = tokenOf(
      linkIn(
        await ctx.smtp.waitFor(mailTo(email, /確認/)),
        '/public/v1/bookings/confirm',
        server.url,
      ),
    )
    const stored = (
      await server.payload.find({
        collection: 'bookings',
        where: { reference: { equals: created.body.booking.reference } },
        showHiddenFields: true,
      })
    ).docs[0]!
    const seatLock = stored.seatLock
    const confirmed = await postJson(`${server.url}/public/v1/bookings/confirm`, {
      token: confirmToken,
    })
    expect(confirmed.status).toBe(200)
    const cancelToken = tokenOf(
      linkIn(
        await ctx.smtp.waitFor(mailTo(email, /確定しました/)),
        '/public/v1/bookings/cancel',
        server.url,
      ),
    )
    const cancelTokenHash = (
      await server.payload.findByID({
        collection: 'bookings',
        id: stored.id,
        showHiddenFields: true,
      })
    ).cancelTokenHash

    const entries = await auditFor('bookings', stored.id)
    expect(entries.map((entry) => entry.action)).toEqual([
      expect.stringMatching(/^bookings\.create/),
      expect.stringMatching(/^bookings\.update/),
    ])
    expect(entries.at(-1)!.after?.status).toBe('confirmed')

    const response = await fetch(`${server.url}/api/audit-log?limit=1000`, { headers: bearer(hq) })
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).not.toMatch(/"(hash|salt|password|confirmTokenHash|cancelTokenHash|seatLock)"/)
    const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
    for (const secret of [
      confirmToken,
      cancelToken,
      sha256(confirmToken),
      sha256(cancelToken),
      String(cancelTokenHash),
      String(seatLock),
    ]) {
      expect(secret.length).toBeGreaterThan(10)
      expect(text).not.toContain(secret)
    }
  })
})
