import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bearer, login } from '../../support/server'
import {
  allEligible,
  at,
  bookableDates,
  KITAKYUSHU,
  kitakyushuPolicy,
  postJson,
  selfServiceBody,
  startBookingServer,
  type Json,
  type BookingTestContext,
} from './support'

let ctx: BookingTestContext
let base: string
let dates: string[]

beforeAll(async () => {
  ctx = await startBookingServer()
  base = `${ctx.server.url}/public/v1`
  dates = bookableDates(kitakyushuPolicy, 4)
})
afterAll(async () => {
  await ctx?.close()
})

const edition = () => ctx.editions[KITAKYUSHU]!

async function bookingsAt(slot: string) {
  const { docs } = await ctx.server.payload.find({
    collection: 'bookings',
    where: {
      office: { equals: ctx.officeIds[KITAKYUSHU] },
      slotStart: { equals: new Date(slot).toISOString() },
    },
    pagination: false,
    showHiddenFields: true,
  })
  return docs
}

function staffBookingData(slot: string, overrides: Record<string, unknown> = {}) {
  return {
    office: ctx.officeIds[KITAKYUSHU],
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
    eligibility: allEligible(kitakyushuPolicy),
    ...overrides,
  }
}

describe('no double booking without transactions', () => {
  it('50 simultaneous public bookings of a one-seat slot: one 202, 49 × 409, one active booking', async () => {
    const slot = at(dates[0]!, '10:00')
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        postJson(`${base}/offices/${KITAKYUSHU}/bookings`, selfServiceBody(edition(), slot)),
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
    const token = await login(ctx.server.url, 'kitakyushu-staff@demo.test')
    const slot = at(dates[0]!, '10:30')
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        postJson(`${ctx.server.url}/api/bookings`, staffBookingData(slot), bearer(token)),
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
    const { payload } = ctx.server
    const officeId = ctx.officeIds[KITAKYUSHU]!
    for (const time of ['11:00', '11:30']) {
      const slot = new Date(at(dates[1]!, time))
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
      `${ctx.server.url}/api/bookings`,
      staffBookingData(at(dates[1]!, '11:00')),
      bearer(await login(ctx.server.url, 'kitakyushu-staff@demo.test')),
    )
    expect(viaRest.status).toBe(409)
    expect(viaRest.body.errors[0].data.code).toBe('slot_full')
    expect(viaRest.body.errors[0].message).toMatch(/埋まっています/)

    const viaPublic = await postJson(
      `${base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition(), at(dates[1]!, '11:30')),
    )
    expect(viaPublic.status).toBe(409)
    expect(viaPublic.body.errors[0].code).toBe('slot_full')
  })
})

describe('holds', () => {
  it('an expired hold does not block a new booking, even before the expiry job runs', async () => {
    const slot = at(dates[2]!, '13:30')
    const first = await postJson(
      `${base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition(), slot),
    )
    expect(first.status).toBe(202)
    expect(
      (await postJson(`${base}/offices/${KITAKYUSHU}/bookings`, selfServiceBody(edition(), slot)))
        .status,
    ).toBe(409)

    // The confirmation window has passed (written straight to the database, as time would).
    const [held] = await bookingsAt(slot)
    await ctx.server.payload.db.updateOne({
      collection: 'bookings',
      id: held!.id,
      data: { confirmBy: new Date(Date.now() - 60_000).toISOString() },
    })
    const listed = await fetch(
      `${base}/offices/${KITAKYUSHU}/slots?from=${dates[2]}&to=${dates[2]}`,
    )
    expect(((await listed.json()) as Json).slots.map((entry: Json) => entry.start)).toContain(slot)

    const second = await postJson(
      `${base}/offices/${KITAKYUSHU}/bookings`,
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
