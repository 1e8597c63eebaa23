import { beforeAll, describe, expect, it } from 'vitest'

import { markNoShows } from '../../../src/services/bookings/maintenance'
import { bearer, login } from '../../support/server'
import {
  allEligible,
  applicant,
  at,
  bookingSuite,
  KITAKYUSHU,
  kitakyushuPolicy,
  mailTo,
  postJson,
  selfServiceBody,
  uniqueEmail,
} from './support'

const suite = bookingSuite(4)
const minutes = (count: number) => count * 60_000
let staff: Record<string, string>
let admin: Record<string, string>

beforeAll(async () => {
  staff = bearer(await login(suite.ctx.server.url, 'kitakyushu-staff@demo.test'))
  admin = bearer(await login(suite.ctx.server.url, 'kitakyushu-admin@demo.test'))
})

interface Standing {
  id: number | string
  noShowCount: number
  reviewDue?: boolean
  refused?: boolean
  refusedBy?: string | null
  applicantNotifiedAt?: string | null
}

async function standingsOf(email: string, jobSeekerNumber: string): Promise<Standing[]> {
  // The standings are keyed pseudonymously; find them through the bookings' key.
  const { payload } = suite.ctx.server
  const { docs } = await payload.find({
    collection: 'applicant-standings',
    where: { office: { equals: suite.ctx.officeIds[KITAKYUSHU] } },
    pagination: false,
    depth: 0,
  })
  const { docs: bookings } = await payload.find({
    collection: 'bookings',
    where: { 'applicant.email': { equals: email } },
    depth: 0,
  })
  const ids = new Set(bookings.map((b) => String(b.id)))
  void jobSeekerNumber
  return (docs as unknown as (Standing & { lastNoShowBooking?: string })[]).filter((s) =>
    ids.has(String(s.lastNoShowBooking)),
  )
}

/** A confirmed staff booking whose no-show the job then marks. */
async function noShow(slot: string, person: { email: string; jobSeekerNumber: string }) {
  const { payload } = suite.ctx.server
  const booking = await payload.create({
    collection: 'bookings',
    data: {
      office: suite.ctx.officeIds[KITAKYUSHU] as number,
      slotStart: slot,
      channel: 'staff-scheduled',
      status: 'confirmed',
      applicant: { name: '田中 三郎', phone: '09011112222', desiredDateTime: '午前', ...person },
      eligibility: allEligible(kitakyushuPolicy),
    },
  })
  const due = new Date(booking.slotStart).getTime() + minutes(kitakyushuPolicy.noShowGraceMinutes)
  await markNoShows(payload, { now: new Date(due) })
  expect((await payload.findByID({ collection: 'bookings', id: booking.id })).status).toBe(
    'no_show',
  )
  return booking.id
}

const patchBooking = (id: number | string, body: unknown) =>
  postJson(`${suite.ctx.server.url}/api/bookings/${id}`, body, staff, 'PATCH')

describe('a no-show is corrected by staff, and counted no more', () => {
  it('to completed (the session ran) and to cancelled (the applicant had called), with a reason, audited', async () => {
    const person = { email: uniqueEmail('corrected'), jobSeekerNumber: '40010-600001' }
    const first = await noShow(at(suite.dates[0]!, '10:00'), person)
    expect(
      (await standingsOf(person.email, person.jobSeekerNumber)).map((s) => s.noShowCount),
    ).toEqual([1, 1])

    const noReason = await patchBooking(first, { status: 'completed' })
    expect(noReason.status).toBe(422)
    expect(noReason.body.errors[0].data).toMatchObject({
      code: 'missing_field',
      field: 'statusReason',
    })
    const backToConfirmed = await patchBooking(first, { status: 'confirmed', statusReason: 'x' })
    expect(backToConfirmed.body.errors[0].data.code).toBe('invalid_transition')

    const completed = await patchBooking(first, {
      status: 'completed',
      statusReason: '相談は実施済み。記録が遅れたため',
    })
    expect(completed.status, JSON.stringify(completed.body)).toBe(200)
    expect(completed.body.doc.statusHistory.at(-1)).toMatchObject({
      from: 'no_show',
      to: 'completed',
      reason: '相談は実施済み。記録が遅れたため',
    })
    const after = await standingsOf(person.email, person.jobSeekerNumber)
    expect(after.map((s) => [s.noShowCount, s.reviewDue])).toEqual([
      [0, false],
      [0, false],
    ])
    const audit = await suite.ctx.server.payload.find({
      collection: 'audit-log',
      where: { documentId: { equals: String(first) }, collectionSlug: { equals: 'bookings' } },
    })
    expect(audit.docs.map((entry) => entry.action)).toContain(
      'bookings.update:no_show_corrected:completed',
    )

    const second = await noShow(at(suite.dates[1]!, '10:00'), person)
    const cancelled = await patchBooking(second, {
      status: 'cancelled',
      cancelVia: 'phone',
      statusReason: '前日に電話で取消しの連絡があった',
    })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(cancelled.body.doc).toMatchObject({ status: 'cancelled', cancelVia: 'phone' })
    expect(
      (await standingsOf(person.email, person.jobSeekerNumber)).map((s) => s.noShowCount),
    ).toEqual([0, 0])
  })
})

describe('refusal is an office admin’s decision', () => {
  it('reaching the threshold flags for review; the admin refuses with a reason and the applicant is told', async () => {
    const person = { email: uniqueEmail('review'), jobSeekerNumber: '40010-600002' }
    await noShow(at(suite.dates[2]!, '10:00'), person)
    const [standing] = await standingsOf(person.email, person.jobSeekerNumber)
    expect(standing).toMatchObject({ noShowCount: 1, reviewDue: true, refused: false })

    // Flagged is not refused: the applicant may still book.
    const stillOpen = await postJson(
      `${suite.base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(suite.edition(), at(suite.dates[3]!, '10:00'), {
        applicant: applicant({ email: person.email }),
      }),
    )
    expect(stillOpen.status).toBe(202)

    const url = `${suite.ctx.server.url}/api/applicant-standings/${standing!.id}`
    const byStaff = await postJson(url, { refused: true, reason: '理由' }, staff, 'PATCH')
    expect(byStaff.status).toBe(403)
    expect(byStaff.body.errors[0].data.code).toBe('refusal_admin_only')
    const noReason = await postJson(url, { refused: true }, admin, 'PATCH')
    expect(noReason.status).toBe(422)
    expect(noReason.body.errors[0].data.code).toBe('refusal_reason_required')
    const refused = await postJson(
      url,
      { refused: true, reason: '連絡のないまま予約時刻を過ぎたため（第6条）' },
      admin,
      'PATCH',
    )
    expect(refused.status, JSON.stringify(refused.body)).toBe(200)
    expect(refused.body.doc.refusedBy).toMatch(/^users:/)

    const mail = await suite.ctx.smtp.waitFor(mailTo(person.email, /ご利用について/))
    expect(mail.text).toContain('連絡のないまま予約時刻を過ぎたため（第6条）')
    const [told] = await standingsOf(person.email, person.jobSeekerNumber)
    expect(told!.applicantNotifiedAt).toBeTruthy()

    const turnedAway = await postJson(
      `${suite.base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(suite.edition(), at(suite.dates[3]!, '11:00'), {
        applicant: applicant({ email: person.email }),
      }),
    )
    // Answered as if accepted (issue 10, item 12); the applicant is told by mail, nothing stored.
    expect(turnedAway.status).toBe(202)
    await suite.ctx.smtp.waitFor(mailTo(person.email, /お申込みについて/))
    const { totalDocs } = await suite.ctx.server.payload.count({
      collection: 'bookings',
      where: { reference: { equals: turnedAway.body.booking.reference } },
    })
    expect(totalDocs).toBe(0)
  })
})
