import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bearer, login } from '../../support/server'
import {
  at,
  bookableDates,
  KITAKYUSHU,
  kitakyushuPolicy,
  postJson,
  selfServiceBody,
  startBookingServer,
  type BookingTestContext,
} from './support'

let ctx: BookingTestContext
let admin: Record<string, string>
let policyId: number | string

beforeAll(async () => {
  ctx = await startBookingServer()
  admin = bearer(await login(ctx.server.url, 'kitakyushu-admin@demo.test'))
  const { docs } = await ctx.server.payload.find({
    collection: 'reservation-policies',
    where: {
      office: { equals: ctx.officeIds[KITAKYUSHU] },
      effectiveFrom: { equals: '2025-04-01' },
    },
  })
  policyId = docs[0]!.id
})
afterAll(async () => {
  await ctx?.close()
})

async function book(date: string, time: string): Promise<number | string> {
  const created = await postJson(
    `${ctx.server.url}/public/v1/offices/${KITAKYUSHU}/bookings`,
    selfServiceBody(ctx.editions[KITAKYUSHU]!, at(date, time)),
  )
  expect(created.status, JSON.stringify(created.body)).toBe(202)
  const { docs } = await ctx.server.payload.find({
    collection: 'bookings',
    where: { reference: { equals: created.body.booking.reference } },
    overrideAccess: true,
  })
  return docs[0]!.id
}

const policyUrl = () => `${ctx.server.url}/api/reservation-policies/${policyId}`

async function closureDates(): Promise<string[]> {
  const policy = await ctx.server.payload.findByID({
    collection: 'reservation-policies',
    id: policyId,
    depth: 0,
  })
  return (policy.closures ?? []).map((closure) => closure.date)
}

async function statusOf(id: number | string): Promise<string> {
  const booking = await ctx.server.payload.findByID({
    collection: 'bookings',
    id,
    depth: 0,
    overrideAccess: true,
  })
  return booking.status
}

describe('closing a day that has bookings', () => {
  it('asks for a decision when a PATCH of the policy adds the closure, as the calendar does', async () => {
    const [booked, free] = bookableDates(kitakyushuPolicy, 2)
    const bookingId = await book(booked!, '10:00')
    const before = await closureDates()
    const closures = (dates: string[]) => dates.map((date) => ({ date, reason: '研修' }))

    const refused = await postJson(
      policyUrl(),
      { closures: closures([...before, booked!]) },
      admin,
      'PATCH',
    )
    expect(refused.status, JSON.stringify(refused.body)).toBe(409)
    expect(refused.body.errors[0].data).toMatchObject({
      code: 'closure_has_bookings',
      bookings: 1,
      dates: [booked],
    })
    expect(refused.body.errors[0].message).toContain('1件')
    expect(await closureDates()).toEqual(before)
    expect(await statusOf(bookingId)).toBe('pending_confirmation')

    // A day without bookings closes at once, and reopens.
    const closed = await postJson(
      policyUrl(),
      { closures: closures([...before, free!]) },
      admin,
      'PATCH',
    )
    expect(closed.status, JSON.stringify(closed.body)).toBe(200)
    expect(await closureDates()).toContain(free)
    const reopened = await postJson(policyUrl(), { closures: closures(before) }, admin, 'PATCH')
    expect(reopened.status).toBe(200)
  })

  it('closes the day from the calendar once the admin keeps or cancels its bookings', async () => {
    const [, , keepDay, cancelDay] = bookableDates(kitakyushuPolicy, 4)
    const kept = await book(keepDay!, '10:30')
    const cancelled = await book(cancelDay!, '10:30')
    const closuresUrl = `${policyUrl()}/closures`

    const undecided = await postJson(closuresUrl, { date: keepDay }, admin)
    expect(undecided.status).toBe(409)
    expect(undecided.body.errors[0].data).toMatchObject({
      code: 'closure_has_bookings',
      bookings: 1,
    })
    expect(await closureDates()).not.toContain(keepDay)

    const keep = await postJson(closuresUrl, { date: keepDay, bookings: 'keep' }, admin)
    expect(keep.status, JSON.stringify(keep.body)).toBe(200)
    expect(keep.body).toMatchObject({ bookings: 1, cancelled: 0, kept: 1 })
    expect(await closureDates()).toContain(keepDay)
    expect(await statusOf(kept)).toBe('pending_confirmation')

    const cancel = await postJson(
      closuresUrl,
      { date: cancelDay, reason: '研修', bookings: 'cancel' },
      admin,
    )
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200)
    expect(cancel.body).toMatchObject({ bookings: 1, cancelled: 1, mailed: 1, kept: 0 })
    expect(await closureDates()).toContain(cancelDay)
    expect(await statusOf(cancelled)).toBe('cancelled')

    const removed = await postJson(`${closuresUrl}/remove`, { date: keepDay }, admin)
    expect(removed.status).toBe(200)
    expect(await closureDates()).not.toContain(keepDay)
  })
})
