import { describe, expect, it } from 'vitest'

import { createPublicBooking } from '../../../src/services/bookings/publicBookings'
import {
  revisionKeyOf,
  STALE_REVISION_CLAIM_MS,
} from '../../../src/services/bookings/revisionClaims'
import { bearer, login } from '../../support/server'
import {
  allEligible,
  applicant,
  at,
  bookingSuite,
  type Json,
  KITAKYUSHU,
  kitakyushuPolicy,
  postJson,
  selfServiceBody,
} from './support'

const suite = bookingSuite(4)
const { edition } = suite

async function bookingsAt(slot: string) {
  const { docs } = await suite.ctx.server.payload.find({
    collection: 'bookings',
    where: {
      office: { equals: suite.ctx.officeIds[KITAKYUSHU] },
      slotStart: { equals: new Date(slot).toISOString() },
    },
    pagination: false,
    showHiddenFields: true,
  })
  return docs
}

function staffBookingData(slot: string, overrides: Record<string, unknown> = {}) {
  return {
    office: suite.ctx.officeIds[KITAKYUSHU],
    slotStart: slot,
    channel: 'staff-scheduled',
    meetingUrl: 'https://zoom.example/j/123',
    applicant: {
      name: '佐藤 一郎',
      email: 'sato@example.test',
      phone: '0930000000',
      jobSeekerNumber: '40010-123456',
      desiredDateTime: '午前中',
    },
    consent: { shownVia: 'phone' },
    eligibility: allEligible(kitakyushuPolicy),
    ...overrides,
  }
}

describe('no double booking without transactions', () => {
  it('50 simultaneous public bookings of a one-seat slot: one 202, 49 × 409, one active booking', async () => {
    const slot = at(suite.dates[0]!, '10:00')
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        postJson(`${suite.base}/offices/${KITAKYUSHU}/bookings`, selfServiceBody(edition(), slot)),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 202)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(49)
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(response.body.errors[0].code).toBe('slot_full')
    }
    const active = (await bookingsAt(slot)).filter((booking) =>
      ['pending_confirmation', 'confirmed'].includes(booking.status),
    )
    expect(active).toHaveLength(1)
  })

  it('simultaneous staff bookings through REST: one 201, the rest 409 with data.code slot_full', async () => {
    const token = await login(suite.ctx.server.url, 'kitakyushu-staff@demo.test')
    const slot = at(suite.dates[0]!, '10:30')
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        postJson(`${suite.ctx.server.url}/api/bookings`, staffBookingData(slot), bearer(token)),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(9)
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(response.body.errors[0].data.code).toBe('slot_full')
    }
    expect(
      (await bookingsAt(slot)).filter((booking) => booking.status === 'confirmed'),
    ).toHaveLength(1)
  })

  it('a write that loses the race at the unique index becomes 409 slot_full on both paths', async () => {
    // A row the seat count does not see (cancelled) but whose seatLock still names seat 0: the
    // hooks pick seat 0 and the database refuses the write, as when a concurrent booking wins.
    const { payload } = suite.ctx.server
    const officeId = suite.ctx.officeIds[KITAKYUSHU]!
    for (const time of ['11:00', '11:30']) {
      const slot = new Date(at(suite.dates[1]!, time))
      await payload.db.create({
        collection: 'bookings',
        data: {
          office: officeId,
          slotStart: slot.toISOString(),
          channel: 'self-service',
          status: 'cancelled',
          seatLock: `${officeId}|${slot.toISOString()}|0`,
          reference: `KY-RACE-${time.replace(':', '')}`,
        },
      })
    }
    const viaRest = await postJson(
      `${suite.ctx.server.url}/api/bookings`,
      staffBookingData(at(suite.dates[1]!, '11:00')),
      bearer(await login(suite.ctx.server.url, 'kitakyushu-staff@demo.test')),
    )
    expect(viaRest.status).toBe(409)
    expect(viaRest.body.errors[0].data.code).toBe('slot_full')
    expect(viaRest.body.errors[0].message).toMatch(/埋まっています/)

    const viaPublic = await postJson(
      `${suite.base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition(), at(suite.dates[1]!, '11:30')),
    )
    expect(viaPublic.status).toBe(409)
    expect(viaPublic.body.errors[0].code).toBe('slot_full')
  })
})

describe('holds', () => {
  it('an expired hold does not block a new booking, even before the expiry job runs', async () => {
    const slot = at(suite.dates[2]!, '13:30')
    const first = await postJson(
      `${suite.base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition(), slot),
    )
    expect(first.status).toBe(202)
    expect(
      (
        await postJson(
          `${suite.base}/offices/${KITAKYUSHU}/bookings`,
          selfServiceBody(edition(), slot),
        )
      ).status,
    ).toBe(409)

    // The confirmation window has passed (written straight to the database, as time would).
    const [held] = await bookingsAt(slot)
    await suite.ctx.server.payload.db.updateOne({
      collection: 'bookings',
      id: held!.id,
      data: { confirmBy: new Date(Date.now() - 60_000).toISOString() },
    })
    const listed = await fetch(
      `${suite.base}/offices/${KITAKYUSHU}/slots?from=${suite.dates[2]}&to=${suite.dates[2]}`,
    )
    expect(((await listed.json()) as Json).slots.map((entry: Json) => entry.start)).toContain(slot)

    const second = await postJson(
      `${suite.base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition(), slot),
    )
    expect(second.status).toBe(202)
    const all = await bookingsAt(slot)
    const lapsed = all.find((booking) => booking.id === held!.id)!
    expect(lapsed.status).toBe('expired')
    expect(lapsed.seatLock).toMatch(/^released\|/)
    expect(lapsed.statusHistory?.at(-1)).toMatchObject({
      from: 'pending_confirmation',
      to: 'expired',
      via: 'system',
    })
    expect(all.filter((booking) => booking.status === 'pending_confirmation')).toHaveLength(1)
  })
})

describe('one change from each state of a booking', () => {
  async function heldBooking(slot: string) {
    return createPublicBooking(suite.ctx.server.payload, {
      officeId: suite.ctx.officeIds[KITAKYUSHU]!,
      slotStart: new Date(slot),
      applicant: applicant(),
      termsEditionNumber: edition(),
      agreed: true,
      eligibility: allEligible(kitakyushuPolicy),
    })
  }

  // Each test's link requests from its own address: refused tokens count against the address.
  const fromAddress = (address: string) => ({ 'x-forwarded-for': address })

  async function stored(id: number | string) {
    return suite.ctx.server.payload.findByID({ collection: 'bookings', id, showHiddenFields: true })
  }

  /** A confirmed booking made by staff through REST, with the staff member's token. */
  async function staffBooking(time: string) {
    const token = await login(suite.ctx.server.url, 'kitakyushu-staff@demo.test')
    const created = await postJson(
      `${suite.ctx.server.url}/api/bookings`,
      staffBookingData(at(suite.dates[3]!, time)),
      bearer(token),
    )
    expect(created.status).toBe(201)
    const { id, reference } = created.body.doc as { id: number; reference: string }
    const patch = (body: Record<string, unknown>) =>
      postJson(`${suite.ctx.server.url}/api/bookings/${id}`, body, bearer(token), 'PATCH')
    return { id, reference, patch }
  }

  async function auditActions(id: number | string): Promise<string[]> {
    const { docs } = await suite.ctx.server.payload.find({
      collection: 'audit-log',
      where: { documentId: { equals: String(id) } },
      sort: 'at',
      pagination: false,
    })
    return docs.map((entry) => entry.action)
  }

  it('a confirmation link sent ten times at once confirms once: one 200, nine 400 invalid_token', async () => {
    const { booking, confirmToken } = await heldBooking(at(suite.dates[3]!, '10:00'))
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        postJson(`${suite.base}/bookings/confirm`, { token: confirmToken }),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(statuses.filter((status) => status === 400)).toHaveLength(9)
    for (const response of responses.filter((r) => r.status === 400)) {
      expect(response.body.errors[0].code).toBe('invalid_token')
    }
    const after = await stored(booking.id)
    expect(after.status).toBe('confirmed')
    expect(after.statusHistory?.map((row) => row.to)).toEqual(['pending_confirmation', 'confirmed'])
    expect(await auditActions(booking.id)).toEqual([
      'bookings.create:book',
      'bookings.update:confirm',
    ])
  })

  it('staff changes racing on one booking: one applies, the others are 409 booking_changed or no-ops', async () => {
    const { id, patch } = await staffBooking('10:30')
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        patch({ status: 'cancelled', cancelVia: index % 2 ? 'phone' : 'email' }),
      ),
    )
    expect(responses.some((response) => response.status === 200)).toBe(true)
    for (const response of responses.filter((r) => r.status !== 200)) {
      expect(response.status).toBe(409)
      expect(response.body.errors[0].data.code).toBe('booking_changed')
      expect(response.body.errors[0].message).toMatch(/先に更新されました/)
    }
    const after = await stored(id)
    expect(after.statusHistory?.map((row) => row.to)).toEqual(['confirmed', 'cancelled'])
  })

  it('every write claims the revision it read, so one read before another write lands is refused', async () => {
    const { payload } = suite.ctx.server
    const { id, reference, patch } = await staffBooking('11:30')
    const edit = (meetingUrl: string) => patch({ meetingUrl })
    expect((await edit('https://zoom.example/j/1')).status).toBe(200)
    expect((await stored(id)).revision).toBe(1)

    // Another write has claimed revision 1 and not landed yet: this edit read revision 1 too.
    await payload.db.create({
      collection: 'claims',
      data: {
        key: revisionKeyOf(reference, 1),
        kind: 'booking-revision',
        claimedBy: 'other:1',
        claimedAt: new Date().toISOString(),
      },
    })
    const refused = await edit('https://zoom.example/j/2')
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].data.code).toBe('booking_changed')
    const after = await stored(id)
    expect(after).toMatchObject({ revision: 1, meetingUrl: 'https://zoom.example/j/1' })
  })

  it('a write that fails after its claim gives the claim back at once', async () => {
    const { payload } = suite.ctx.server
    const { id, reference, patch } = await staffBooking('13:30')
    // A row the seat count does not see holds seat 0 of the target slot, so moving the booking
    // there passes the rules and its claim, and the database then refuses the write.
    const officeId = suite.ctx.officeIds[KITAKYUSHU]!
    const target = new Date(at(suite.dates[3]!, '14:00'))
    await payload.db.create({
      collection: 'bookings',
      data: {
        office: officeId,
        slotStart: target.toISOString(),
        channel: 'self-service',
        status: 'cancelled',
        seatLock: `${officeId}|${target.toISOString()}|0`,
        reference: 'KY-MOVE-FAIL',
      },
    })
    const moved = await patch({ slotStart: target.toISOString() })
    // 409 slot_full on every backend (FerretDB's code-1 update conflict included: isUniqueConflict).
    expect(moved.status, JSON.stringify(moved.body)).toBe(409)
    expect(moved.body.errors[0].data.code).toBe('slot_full')
    expect((await stored(id)).slotStart).toBe(new Date(at(suite.dates[3]!, '13:30')).toISOString())
    const claims = await payload.find({
      collection: 'claims',
      where: { key: { equals: revisionKeyOf(reference, 0) } },
    })
    expect(claims.totalDocs).toBe(0)
    const retried = await patch({ meetingUrl: 'https://zoom.example/j/3' })
    expect(retried.status).toBe(200)
    expect((await stored(id)).revision).toBe(1)
  })

  it('a claim whose change never landed blocks the booking only until it is stale', async () => {
    const { payload } = suite.ctx.server
    const { booking, confirmToken } = await heldBooking(at(suite.dates[3]!, '11:00'))
    const key = revisionKeyOf(booking.reference!, 0)
    const claimedAt = (ageMs: number) => new Date(Date.now() - ageMs).toISOString()
    await payload.db.create({
      collection: 'claims',
      data: { key, kind: 'booking-revision', claimedBy: 'gone:1', claimedAt: claimedAt(1_000) },
    })
    const blocked = await postJson(
      `${suite.base}/bookings/confirm`,
      { token: confirmToken },
      fromAddress('10.7.0.2'),
    )
    expect(blocked.status).toBe(400)
    expect((await stored(booking.id)).status).toBe('pending_confirmation')

    await payload.db.updateMany({
      collection: 'claims',
      where: { key: { equals: key } },
      data: { claimedAt: claimedAt(STALE_REVISION_CLAIM_MS + 1_000) },
    })
    const confirmed = await postJson(
      `${suite.base}/bookings/confirm`,
      { token: confirmToken },
      fromAddress('10.7.0.3'),
    )
    expect(confirmed.status).toBe(200)
    expect((await stored(booking.id)).status).toBe('confirmed')
  })
})
