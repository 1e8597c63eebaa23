import { describe, expect, it } from 'vitest'

import { applicantKeys } from '../../../src/services/bookings/applicantKey'
import { withBookingContext } from '../../../src/services/bookings/context'
import { updateBookingAsSystem } from '../../../src/services/bookings/updateBooking'
import { eraseExpiredApplicants } from '../../../src/services/retention/applicantErasure'
import { bearer, login } from '../../support/server'
import {
  allEligible,
  at,
  bookableDates,
  bookingSuite,
  ISESAKI,
  isesakiPolicy,
  KITAKYUSHU,
  kitakyushuPolicy,
  postJson,
  uniqueEmail,
} from '../booking/support'

const suite = bookingSuite(6)
const DAY_MS = 86_400_000

interface Person {
  name: string
  email: string
  phone: string
  jobSeekerNumber: string
  note: string
}

let serial = 0
function person(label: string): Person {
  serial++
  return {
    name: `${label} 保存${serial}`,
    email: uniqueEmail(`retention${serial}`),
    phone: `0905555${String(1000 + serial).slice(-4)}`,
    jobSeekerNumber: `13010-77${String(10000 + serial).slice(-5)}`,
    note: `${label}の消えるべきメモ${serial}`,
  }
}

const valuesOf = (who: Person) => [who.name, who.email, who.phone, who.jobSeekerNumber, who.note]

/** A confirmed booking made by staff through the Local API (as the admin would). */
async function staffBooking(officeSlug: string, slot: string, who: Person) {
  const policy = officeSlug === KITAKYUSHU ? kitakyushuPolicy : isesakiPolicy
  return suite.ctx.server.payload.create({
    collection: 'bookings',
    data: {
      office: suite.ctx.officeIds[officeSlug] as number,
      slotStart: slot,
      channel: 'staff-scheduled',
      ...(officeSlug === ISESAKI ? { tool: 'zoom' as const } : {}),
      status: 'confirmed',
      applicant: { ...who, desiredDateTime: '午前' },
      eligibility: allEligible(policy),
    },
  })
}

async function cancel(id: number | string) {
  await updateBookingAsSystem(
    suite.ctx.server.payload,
    id,
    { status: 'cancelled' },
    withBookingContext({ via: 'system', reason: 'テスト' }, { actor: 'system' }),
  )
}

/** An entry as versions before the audit fix wrote them: the applicant copied in. */
async function legacyAuditEntry(bookingId: number | string, who: Person) {
  await suite.ctx.server.payload.db.create({
    collection: 'audit-log',
    data: {
      at: new Date().toISOString(),
      action: 'bookings.update',
      collectionSlug: 'bookings',
      documentId: String(bookingId),
      actor: 'system',
      before: { status: 'confirmed', applicant: { ...who } },
      after: { status: 'cancelled', applicant: { ...who }, eligibility: { x: true } },
    },
  })
}

async function bookingOf(id: number | string) {
  return suite.ctx.server.payload.findByID({ collection: 'bookings', id, depth: 0 })
}

async function auditText(bookingId?: number | string) {
  const { docs } = await suite.ctx.server.payload.find({
    collection: 'audit-log',
    where: bookingId === undefined ? {} : { documentId: { equals: String(bookingId) } },
    pagination: false,
  })
  return JSON.stringify(docs)
}

function expectErased(booking: Record<string, unknown>) {
  const applicant = (booking.applicant ?? {}) as Record<string, unknown>
  for (const field of ['name', 'email', 'phone', 'jobSeekerNumber', 'desiredDateTime', 'note']) {
    expect(applicant[field] ?? null, field).toBeNull()
  }
  expect(booking.applicantKey ?? null).toBeNull()
  expect(booking.eligibility ?? null).toBeNull()
  expect(booking.applicantErasedAt).toBeTruthy()
}

describe('retention', () => {
  it('is a scheduled job task', () => {
    const task = suite.ctx.server.payload.config.jobs.tasks?.find(
      (candidate) => candidate.slug === 'eraseExpiredApplicants',
    )
    expect(task?.schedule).toMatchObject([{ cron: '* * * * *', queue: 'default' }])
  })

  it('past the retention, finished bookings keep no applicant value in bookings or audit entries', async () => {
    const finished = person('終了')
    const open = person('継続')
    const done = await staffBooking(KITAKYUSHU, at(suite.dates[0]!, '10:00'), finished)
    const kept = await staffBooking(KITAKYUSHU, at(suite.dates[0]!, '11:00'), open)
    await cancel(done.id)
    await legacyAuditEntry(done.id, finished)

    // Within the retention nothing is erased.
    await eraseExpiredApplicants(suite.ctx.server.payload)
    expect((await bookingOf(done.id)).applicant?.email).toBe(finished.email)

    const later = new Date(new Date(done.slotStart).getTime() + 366 * DAY_MS)
    const { erased } = await eraseExpiredApplicants(suite.ctx.server.payload, { now: later })
    expect(erased).toBeGreaterThanOrEqual(1)

    const erasedBooking = await bookingOf(done.id)
    expectErased(erasedBooking as unknown as Record<string, unknown>)
    expect(erasedBooking).toMatchObject({
      status: 'cancelled',
      channel: 'staff-scheduled',
      slotStart: done.slotStart,
      slotEnd: done.slotEnd,
    })
    expect(String((erasedBooking.office as { id?: unknown }).id ?? erasedBooking.office)).toBe(
      String(suite.ctx.officeIds[KITAKYUSHU]),
    )
    const text = JSON.stringify(erasedBooking) + (await auditText(done.id))
    for (const value of valuesOf(finished)) expect(text).not.toContain(value)
    expect(await auditText(done.id)).toContain('applicant.email')

    // An open booking is never erased, however late.
    expect((await bookingOf(kept.id)).applicant?.email).toBe(open.email)
  })

  it('the scheduled task erases bookings whose times lie past the retention', async () => {
    const payload = suite.ctx.server.payload
    const finished = person('過去')
    const done = await staffBooking(KITAKYUSHU, at(suite.dates[4]!, '10:00'), finished)
    await cancel(done.id)
    const past = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString()
    // Moved into the past below the hooks, as if the booking had been cancelled 400 days ago.
    await payload.db.updateOne({
      collection: 'bookings',
      id: done.id,
      data: {
        slotStart: past(401),
        slotEnd: past(401),
        statusHistory: ((await bookingOf(done.id)).statusHistory ?? []).map((row) => ({
          ...row,
          at: past(400),
        })),
      },
      returning: false,
    })
    // The task is not in payload-types until the lead regenerates them.
    await payload.jobs.queue({ task: 'eraseExpiredApplicants', input: {} })
    await payload.jobs.run()
    const erasedBooking = await bookingOf(done.id)
    expectErased(erasedBooking as unknown as Record<string, unknown>)
    const text = JSON.stringify(erasedBooking) + (await auditText(done.id))
    for (const value of valuesOf(finished)) expect(text).not.toContain(value)
  })

  it('an office may shorten HQ retention, not lengthen it', async () => {
    const officeId = suite.ctx.officeIds[KITAKYUSHU]!
    const admin = await login(suite.ctx.server.url, 'kitakyushu-admin@demo.test')
    const longer = await postJson(
      `${suite.ctx.server.url}/api/offices/${officeId}`,
      { applicantRetentionDays: 366 },
      bearer(admin),
      'PATCH',
    )
    expect(longer.status).toBe(422)
    expect(JSON.stringify(longer.body)).toContain('retention_longer_than_hq')
    const shorter = await postJson(
      `${suite.ctx.server.url}/api/offices/${officeId}`,
      { applicantRetentionDays: 30 },
      bearer(admin),
      'PATCH',
    )
    expect(shorter.status).toBe(200)

    const finished = person('短縮')
    const done = await staffBooking(KITAKYUSHU, at(suite.dates[1]!, '10:00'), finished)
    await cancel(done.id)
    const later = new Date(new Date(done.slotStart).getTime() + 31 * DAY_MS)
    await eraseExpiredApplicants(suite.ctx.server.payload, { now: later })
    expectErased((await bookingOf(done.id)) as unknown as Record<string, unknown>)

    await suite.ctx.server.payload.update({
      collection: 'offices',
      id: officeId,
      data: { applicantRetentionDays: null } as Record<string, unknown>,
      overrideAccess: true,
    })
  })
})

describe('erasure on request', () => {
  const url = () => `${suite.ctx.server.url}/api/bookings/erase-applicant`

  it('erases one applicant at the admin office only and leaves the others untouched', async () => {
    const payload = suite.ctx.server.payload
    const target = person('対象')
    const other = person('他人')
    const here = await staffBooking(KITAKYUSHU, at(suite.dates[2]!, '10:00'), target)
    const elsewhere = await staffBooking(
      ISESAKI,
      at(bookableDates(isesakiPolicy, 3)[2]!, '10:00'),
      target,
    )
    const bystander = await staffBooking(KITAKYUSHU, at(suite.dates[2]!, '11:00'), other)
    await legacyAuditEntry(here.id, target)
    const officeId = suite.ctx.officeIds[KITAKYUSHU]!
    const key = applicantKeys(officeId, { jobSeekerNumber: target.jobSeekerNumber })[0]!
    await payload.create({
      collection: 'applicant-standings',
      data: { office: officeId as number, applicantKey: key, label: '申込者', noShowCount: 1 },
      overrideAccess: true,
    })

    const body = {
      office: officeId,
      jobSeekerNumber: '１３０１０－' + target.jobSeekerNumber.slice(6),
    }
    const admin = await login(suite.ctx.server.url, 'kitakyushu-admin@demo.test')
    const response = await postJson(url(), body, bearer(admin))
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ erasedBookings: 1, erasedStandings: 1 })

    expectErased((await bookingOf(here.id)) as unknown as Record<string, unknown>)
    expect((await bookingOf(elsewhere.id)).applicant?.email).toBe(target.email)
    expect((await bookingOf(bystander.id)).applicant).toMatchObject({
      email: other.email,
      name: other.name,
    })
    const { totalDocs } = await payload.count({
      collection: 'applicant-standings',
      where: { applicantKey: { equals: key } },
    })
    expect(totalDocs).toBe(0)
    const text = JSON.stringify(await bookingOf(here.id)) + (await auditText())
    for (const value of valuesOf(target)) expect(text).not.toContain(value)

    const { docs: erasures } = await payload.find({
      collection: 'audit-log',
      where: {
        action: { equals: 'bookings.erase-applicant' },
        office: { equals: String(officeId) },
      },
    })
    expect(erasures[0]?.after).toEqual({ erasedBookings: 1, erasedStandings: 1 })

    // HQ without an office erases the applicant everywhere.
    const hq = await login(suite.ctx.server.url, 'hq@demo.test')
    const everywhere = await postJson(url(), { email: target.email }, bearer(hq))
    expect(everywhere.status).toBe(200)
    expectErased((await bookingOf(elsewhere.id)) as unknown as Record<string, unknown>)
    expect((await bookingOf(bystander.id)).applicant?.email).toBe(other.email)
  })

  it('is refused to staff, to another office admin, to strangers and for a malformed identifier', async () => {
    const officeId = suite.ctx.officeIds[KITAKYUSHU]!
    const target = person('拒否')
    const booking = await staffBooking(KITAKYUSHU, at(suite.dates[3]!, '10:00'), target)
    const body = { office: officeId, email: target.email }
    const staff = await login(suite.ctx.server.url, 'kitakyushu-staff@demo.test')
    const stranger = await login(suite.ctx.server.url, 'isesaki-admin@demo.test')
    const admin = await login(suite.ctx.server.url, 'kitakyushu-admin@demo.test')
    expect((await postJson(url(), body, bearer(staff))).status).toBe(403)
    expect((await postJson(url(), body, bearer(stranger))).status).toBe(403)
    expect((await postJson(url(), body)).status).toBe(403)
    expect(
      (await postJson(url(), { office: officeId, email: 'not-an-address' }, bearer(admin))).status,
    ).toBe(400)
    expect((await postJson(url(), { email: target.email }, bearer(admin))).status).toBe(400)
    expect((await bookingOf(booking.id)).applicant?.email).toBe(target.email)
  })
})
