import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { addDays, tokyoDateOf, tokyoDay } from '../../../src/lib/tokyoTime'
import { closedDayReason } from '../../../src/rules/booking/checkClosedDay'
import { bearer, login } from '../../support/server'
import {
  allEligible,
  at,
  bookableDates,
  ISESAKI,
  isesakiPolicy,
  KITAKYUSHU,
  kitakyushuPolicy,
  postJson,
  startBookingServer,
  type Json,
  type BookingTestContext,
} from './support'

const JAPANESE = /[ぁ-んァ-ン一-龯]/

let ctx: BookingTestContext
let kitakyushuStaff: Record<string, string>
let isesakiStaff: Record<string, string>
let kDates: string[]
let iDates: string[]

beforeAll(async () => {
  ctx = await startBookingServer()
  kitakyushuStaff = bearer(await login(ctx.server.url, 'kitakyushu-staff@demo.test'))
  isesakiStaff = bearer(await login(ctx.server.url, 'isesaki-staff@demo.test'))
  kDates = bookableDates(kitakyushuPolicy, 4)
  iDates = bookableDates(isesakiPolicy, 4)
})
afterAll(async () => {
  await ctx?.close()
})

function kitakyushuBooking(slot: string, overrides: Record<string, unknown> = {}) {
  return {
    office: ctx.officeIds[KITAKYUSHU],
    slotStart: slot,
    channel: 'staff-scheduled',
    meetingUrl: 'https://zoom.example/j/42',
    applicant: {
      name: '佐藤 一郎',
      email: 'sato@example.test',
      phone: '093-000-1111',
      jobSeekerNumber: '40010-123456',
      desiredDateTime: '平日午前',
    },
    consent: { shownVia: 'phone' },
    eligibility: allEligible(kitakyushuPolicy),
    ...overrides,
  }
}

function isesakiBooking(slot: string, overrides: Record<string, unknown> = {}) {
  return {
    office: ctx.officeIds[ISESAKI],
    slotStart: slot,
    channel: 'staff-scheduled',
    tool: 'teleoffice',
    applicant: {
      name: '鈴木 二郎',
      email: 'suzuki@example.test',
      jobSeekerNumber: '10010-98765',
      desiredDateTime: '午後',
    },
    consent: { shownVia: 'phone' },
    eligibility: allEligible(isesakiPolicy),
    ...overrides,
  }
}

const create = (data: unknown, auth: Record<string, string>) =>
  postJson(`${ctx.server.url}/api/bookings`, data, auth)
const patch = (id: number | string, data: unknown, auth: Record<string, string>) =>
  postJson(`${ctx.server.url}/api/bookings/${id}`, data, auth, 'PATCH')

function expectRule(
  response: { status: number; body: Json },
  status: number,
  code: string,
  field?: string,
) {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.body.errors[0].data.code).toBe(code)
  expect(response.body.errors[0].message).toMatch(JAPANESE)
  if (field) expect(response.body.errors[0].data.field).toBe(field)
}

describe('staff-scheduled bookings through Payload REST', () => {
  it('creates a confirmed booking with the fixed tool, slotEnd, consent recorded by staff and a history row', async () => {
    const response = await create(kitakyushuBooking(at(kDates[0]!, '10:00')), kitakyushuStaff)
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const doc = response.body.doc
    expect(doc).toMatchObject({ status: 'confirmed', tool: 'zoom', channel: 'staff-scheduled' })
    expect(new Date(doc.slotEnd).getTime() - new Date(doc.slotStart).getTime()).toBe(30 * 60_000)
    expect(doc.confirmBy).toBeNull()
    expect(doc.applicant.phone).toBe('0930001111')
    expect(doc.consent.agreedAt).toBeTruthy()
    expect(doc.consent.contentHash).toBeTruthy()
    expect(doc.statusHistory).toHaveLength(1)
    expect(doc.statusHistory[0]).toMatchObject({ to: 'confirmed', via: 'admin' })
    expect(doc.statusHistory[0].actor).toMatch(/^users:/)
    // Secrets are not readable even by the office's staff.
    expect(doc.seatLock).toBeUndefined()
    expect(doc.confirmTokenHash).toBeUndefined()
  })

  it('rejects each rule with 422 and the code in errors[0].data.code', async () => {
    const slot = at(kDates[1]!, '10:00')
    expectRule(
      await create(kitakyushuBooking(at(kDates[1]!, '12:30')), kitakyushuStaff),
      422,
      'outside_hours',
    )
    const { jobSeekerNumber: _omitted, ...withoutNumber } = kitakyushuBooking(slot).applicant
    expectRule(
      await create(kitakyushuBooking(slot, { applicant: withoutNumber }), kitakyushuStaff),
      422,
      'missing_field',
      'applicant.jobSeekerNumber',
    )
    expectRule(
      await create(kitakyushuBooking(slot, { tool: 'teleoffice' }), kitakyushuStaff),
      422,
      'invalid_field',
      'tool',
    )
    expectRule(
      await create(kitakyushuBooking(slot, { meetingUrl: 'javascript:alert(1)' }), kitakyushuStaff),
      422,
      'invalid_field',
      'meetingUrl',
    )
    expectRule(
      await create(kitakyushuBooking(slot, { eligibility: {} }), kitakyushuStaff),
      422,
      'missing_field',
      'eligibility.registered',
    )
    expectRule(
      await create(kitakyushuBooking(slot, { consent: { termsEdition: 987654 } }), kitakyushuStaff),
      422,
      'terms_not_current',
    )
    // Staff must record how the applicant was shown the terms (民法548条の2第1項第2号).
    expectRule(
      await create(kitakyushuBooking(slot, { consent: {} }), kitakyushuStaff),
      422,
      'missing_field',
      'consent.shownVia',
    )
    expectRule(
      await create(kitakyushuBooking(slot, { status: 'completed' }), kitakyushuStaff),
      422,
      'invalid_transition',
      'status',
    )
    expectRule(
      await create(isesakiBooking(at(iDates[0]!, '10:00'), { tool: undefined }), isesakiStaff),
      422,
      'missing_field',
      'tool',
    )
    expectRule(
      await create(
        isesakiBooking(at(iDates[0]!, '10:00'), { channel: 'self-service' }),
        isesakiStaff,
      ),
      422,
      'channel_not_offered',
    )
    expectRule(
      await create(kitakyushuBooking(`${kDates[1]}T10:00:00`), kitakyushuStaff),
      422,
      'invalid_field',
      'slotStart',
    )
  })

  it('lead_time: 伊勢崎 takes bookings until the day before only', async () => {
    // Any past workday is past the cutoff; it also covers "today", which the rule treats the same.
    let past = addDays(tokyoDateOf(new Date()), -1)
    while (tokyoDay(past).weekday > 5 || closedDayReason(past, isesakiPolicy))
      past = addDays(past, -1)
    expectRule(await create(isesakiBooking(at(past, '10:00')), isesakiStaff), 422, 'lead_time')
  })

  it('slot_full (409) for a taken slot', async () => {
    const slot = at(iDates[0]!, '14:00')
    expect((await create(isesakiBooking(slot), isesakiStaff)).status).toBe(201)
    expectRule(await create(isesakiBooking(slot), isesakiStaff), 409, 'slot_full')
  })

  it('moves a booking to a free slot and refuses a taken one', async () => {
    const created = await create(isesakiBooking(at(iDates[1]!, '10:00')), isesakiStaff)
    expect(created.status).toBe(201)
    const taken = await create(isesakiBooking(at(iDates[1]!, '11:00')), isesakiStaff)
    expect(taken.status).toBe(201)
    const moved = await patch(
      created.body.doc.id,
      { slotStart: at(iDates[1]!, '11:30') },
      isesakiStaff,
    )
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(new Date(moved.body.doc.slotEnd).toISOString()).toBe(
      new Date(at(iDates[1]!, '12:00')).toISOString(),
    )
    expectRule(
      await patch(created.body.doc.id, { slotStart: at(iDates[1]!, '11:00') }, isesakiStaff),
      409,
      'slot_full',
    )
    expectRule(
      await patch(created.body.doc.id, { slotStart: at(iDates[1]!, '13:00') }, isesakiStaff),
      422,
      'outside_hours',
    )
    // The old slot is free again.
    expect((await create(isesakiBooking(at(iDates[1]!, '10:00')), isesakiStaff)).status).toBe(201)
  })

  it('ignores system fields sent by clients', async () => {
    const created = await create(
      isesakiBooking(at(iDates[2]!, '10:00'), {
        reference: 'MINE',
        seatLock: 'x',
        confirmBy: '2000-01-01T00:00:00Z',
      }),
      isesakiStaff,
    )
    expect(created.status).toBe(201)
    expect(created.body.doc.reference).toMatch(/^KY-/)
    expect(created.body.doc.confirmBy).toBeNull()
    const edited = await patch(
      created.body.doc.id,
      { reference: 'MINE', statusHistory: [], meetingUrl: 'https://teleoffice.example/r/1' },
      isesakiStaff,
    )
    expect(edited.status).toBe(200)
    expect(edited.body.doc.reference).toBe(created.body.doc.reference)
    expect(edited.body.doc.statusHistory).toHaveLength(1)
    expect(edited.body.doc.meetingUrl).toBe('https://teleoffice.example/r/1')
  })
})

describe('corrections by staff', () => {
  it('normalise corrected applicant details and refuse malformed ones', async () => {
    const created = await create(isesakiBooking(at(iDates[2]!, '11:00')), isesakiStaff)
    const id = created.body.doc.id
    const fixed = await patch(
      id,
      { applicant: { ...created.body.doc.applicant, jobSeekerNumber: '１００１０ー１２３' } },
      isesakiStaff,
    )
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200)
    expect(fixed.body.doc.applicant.jobSeekerNumber).toBe('10010-123')
    expectRule(
      await patch(
        id,
        { applicant: { ...fixed.body.doc.applicant, email: 'broken' } },
        isesakiStaff,
      ),
      422,
      'invalid_field',
      'applicant.email',
    )
    expectRule(
      await patch(id, { applicant: { ...fixed.body.doc.applicant, name: '' } }, isesakiStaff),
      422,
      'missing_field',
      'applicant.name',
    )
  })
})

describe('status changes', () => {
  it('伊勢崎: cancellation by phone as the terms say, recorded in the history; terminal states stay terminal', async () => {
    const created = await create(isesakiBooking(at(iDates[3]!, '10:00')), isesakiStaff)
    const id = created.body.doc.id
    expectRule(
      await patch(id, { status: 'cancelled' }, isesakiStaff),
      422,
      'missing_field',
      'cancelVia',
    )
    expectRule(
      await patch(id, { status: 'cancelled', cancelVia: 'link' }, isesakiStaff),
      422,
      'invalid_field',
      'cancelVia',
    )
    expectRule(
      await patch(id, { status: 'pending_confirmation' }, isesakiStaff),
      422,
      'invalid_transition',
    )
    expectRule(
      await patch(id, { status: 'no_show' }, isesakiStaff),
      422,
      'invalid_transition',
      'status',
    )
    expectRule(
      await patch(id, { status: 'completed' }, isesakiStaff),
      422,
      'invalid_transition',
      'status',
    )

    const cancelled = await patch(id, { status: 'cancelled', cancelVia: 'phone' }, isesakiStaff)
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(cancelled.body.doc.cancelVia).toBe('phone')
    expect(cancelled.body.doc.cancelMethodOffered).toBe(true)
    expect(cancelled.body.doc.statusHistory.at(-1)).toMatchObject({
      from: 'confirmed',
      to: 'cancelled',
      via: 'phone',
    })
    expect(cancelled.body.doc.statusHistory.at(-1).actor).toMatch(/^users:/)
    expectRule(await patch(id, { status: 'confirmed' }, isesakiStaff), 422, 'invalid_transition')
    // The seat is free again.
    expect((await create(isesakiBooking(at(iDates[3]!, '10:00')), isesakiStaff)).status).toBe(201)

    const audit = await ctx.server.payload.find({
      collection: 'audit-log',
      where: { documentId: { equals: String(id) }, action: { like: 'bookings.update' } },
    })
    expect(audit.docs.some((entry) => entry.action === 'bookings.update:cancelled')).toBe(true)
  })

  it('伊勢崎: a cancellation mailed in is recorded all the same, marked as a method the terms do not offer', async () => {
    // Rewritten: staff were once refused (invalid_transition) when the applicant mailed.
    const created = await create(isesakiBooking(at(iDates[3]!, '11:00')), isesakiStaff)
    const cancelled = await patch(
      created.body.doc.id,
      { status: 'cancelled', cancelVia: 'email', statusReason: '前日にメールで連絡あり' },
      isesakiStaff,
    )
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(cancelled.body.doc).toMatchObject({
      status: 'cancelled',
      cancelVia: 'email',
      cancelMethodOffered: false,
      statusReason: null,
    })
    expect(cancelled.body.doc.statusHistory.at(-1)).toMatchObject({
      to: 'cancelled',
      via: 'email',
      reason: '前日にメールで連絡あり',
    })
  })

  it('北九州: staff-scheduled cancellations on the day itself by phone as the terms say, by email before', async () => {
    const { payload } = ctx.server
    const staff = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: 'kitakyushu-staff@demo.test' } },
      })
    ).docs[0]!
    const slot = at(kDates[2]!, '13:00')
    const first = await create(kitakyushuBooking(slot), kitakyushuStaff)
    const sameDay = new Date(at(kDates[2]!, '08:00')).toISOString()
    const cancelAt = (data: Record<string, unknown>, now: string) =>
      payload.update({
        collection: 'bookings',
        id: first.body.doc.id,
        data,
        user: staff,
        overrideAccess: false,
        context: { kiyakuBooking: { now } },
      })
    const byPhone = await cancelAt({ status: 'cancelled', cancelVia: 'phone' }, sameDay)
    expect(byPhone.status).toBe('cancelled')
    expect((byPhone as { cancelMethodOffered?: boolean }).cancelMethodOffered).toBe(true)
    // A same-day mail is contact too: recorded, and marked as outside the terms.
    const sameDayMail = await create(kitakyushuBooking(slot), kitakyushuStaff)
    const byMail = await payload.update({
      collection: 'bookings',
      id: sameDayMail.body.doc.id,
      data: { status: 'cancelled', cancelVia: 'email' },
      user: staff,
      overrideAccess: false,
      context: { kiyakuBooking: { now: sameDay } },
    })
    expect(byMail.status).toBe('cancelled')
    expect((byMail as { cancelMethodOffered?: boolean }).cancelMethodOffered).toBe(false)

    const second = await create(kitakyushuBooking(slot), kitakyushuStaff)
    const byEmail = await patch(
      second.body.doc.id,
      { status: 'cancelled', cancelVia: 'email' },
      kitakyushuStaff,
    )
    expect(byEmail.status, JSON.stringify(byEmail.body)).toBe(200)
    expect(byEmail.body.doc.cancelMethodOffered).toBe(true)
  })
})
