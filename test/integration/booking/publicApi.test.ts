import { describe, expect, it } from 'vitest'

import { normaliseApplicant } from '../../../src/rules/booking/normaliseApplicant'
import { addDays, tokyoDateOf, tokyoDay } from '../../../src/lib/tokyoTime'
import { closedDayReason } from '../../../src/rules/booking/checkClosedDay'
import { applicantKeys } from '../../../src/services/bookings/applicantKey'
import { withBookingContext } from '../../../src/services/bookings/context'
import { officeGovernance } from '../../../src/services/policies/policiesForOffice'
import {
  allEligible,
  applicant,
  at,
  bookableDates,
  bookingSuite,
  getJson,
  ISESAKI,
  isesakiPolicy,
  type Json,
  KITAKYUSHU,
  kitakyushuPolicy,
  linkIn,
  mailTo,
  postJson,
  selfServiceBody,
  tokenOf,
  uniqueEmail,
} from './support'

const JAPANESE = /[ぁ-んァ-ン一-龯]/

const suite = bookingSuite(8)
const { edition } = suite
const book = (body: Record<string, unknown>, slug = KITAKYUSHU) =>
  postJson(`${suite.base}/offices/${slug}/bookings`, body)

function expectError(
  response: { status: number; body: Json },
  status: number,
  code: string,
  field?: string,
) {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  const [first] = response.body.errors
  expect(first.code).toBe(code)
  expect(first.message).toMatch(JAPANESE)
  if (field) expect(first.field).toBe(field)
}

async function storedBooking(reference: string) {
  const { docs } = await suite.ctx.server.payload.find({
    collection: 'bookings',
    where: { reference: { equals: reference } },
    limit: 1,
    showHiddenFields: true,
  })
  return docs[0]!
}

/** The latest weekday with windows before today that was not a holiday. */
function recentPastWorkday(): string {
  for (let date = addDays(tokyoDateOf(new Date()), -1); ; date = addDays(date, -1)) {
    const weekday = tokyoDay(date).weekday
    if (weekday <= 5 && !closedDayReason(date, kitakyushuPolicy)) return date
  }
}

/** The first workday after the booking window closes. */
function dateBeyondWindow(): string {
  const last = addDays(tokyoDateOf(new Date()), kitakyushuPolicy.bookingWindowDays)
  for (let date = addDays(last, 1); ; date = addDays(date, 1)) {
    if (tokyoDay(date).weekday <= 5 && !closedDayReason(date, kitakyushuPolicy)) return date
  }
}

describe('GET /offices/{slug}/policy', () => {
  it('returns the policy in force with eligibility statements and required fields, without internal ids', async () => {
    const response = await getJson(`${suite.base}/offices/${KITAKYUSHU}/policy`)
    expect(response.status).toBe(200)
    const { policy, termsEdition, office } = response.body
    expect(office).toEqual({ slug: KITAKYUSHU, name: 'マザーズハローワーク北九州' })
    expect(policy.effectiveFrom).toBe('2025-04-01')
    // The checkbox wording; the terms print each condition in their own wording (termsText).
    expect(policy.eligibility).toEqual(
      kitakyushuPolicy.eligibility.map(({ id, text }) => ({ id, text })),
    )
    expect(
      policy.channels.map((channel: Json) => [channel.channel, channel.requiredFields]),
    ).toEqual([
      ['self-service', ['name', 'email', 'phone']],
      ['staff-scheduled', ['name', 'jobSeekerNumber', 'phone', 'email', 'desiredDateTime']],
    ])
    expect(termsEdition).toMatchObject({ number: edition() })
    expect(policy.id).toBeUndefined()
    expect(JSON.stringify(response.body)).not.toMatch(/"(id|office|createdAt|updatedAt)":\s*\d/)
  })

  it('answers 404 office_not_found, 404 no_policy_in_force and 422 for a malformed date', async () => {
    expectError(await getJson(`${suite.base}/offices/nowhere/policy`), 404, 'office_not_found')
    expectError(
      await getJson(`${suite.base}/offices/${KITAKYUSHU}/policy?at=2020-01-01`),
      404,
      'no_policy_in_force',
    )
    expectError(
      await getJson(`${suite.base}/offices/${KITAKYUSHU}/policy?at=2026-13-01`),
      422,
      'invalid_field',
      'at',
    )
  })
})

describe('GET /offices/{slug}/slots', () => {
  it('lists open self-service slots in +09:00 with the seats remaining', async () => {
    const date = suite.dates[0]!
    const response = await getJson(
      `${suite.base}/offices/${KITAKYUSHU}/slots?from=${date}&to=${date}`,
    )
    expect(response.status).toBe(200)
    expect(response.body.channel).toBe('self-service')
    expect(response.body.slots[0]).toEqual({
      start: at(date, '10:00'),
      end: at(date, '10:30'),
      remaining: 1,
    })
    expect(response.body.slots).toHaveLength(10)
  })

  it('lists an office without self-service for its own channels', async () => {
    const [date] = bookableDates(isesakiPolicy, 1)
    const response = await getJson(`${suite.base}/offices/${ISESAKI}/slots?from=${date}&to=${date}`)
    expect(response.status).toBe(200)
    expect(response.body.channel).toBeNull()
    expect(response.body.slots.map((slot: Json) => slot.start)).toContain(at(date!, '14:00'))
  })

  it('refuses more than 62 days, a reversed range and unknown parameters with 422', async () => {
    const from = tokyoDateOf(new Date())
    expectError(
      await getJson(
        `${suite.base}/offices/${KITAKYUSHU}/slots?from=${from}&to=${addDays(from, 62)}`,
      ),
      422,
      'invalid_field',
      'to',
    )
    const ok = await getJson(
      `${suite.base}/offices/${KITAKYUSHU}/slots?from=${from}&to=${addDays(from, 61)}`,
    )
    expect(ok.status).toBe(200)
    expectError(
      await getJson(
        `${suite.base}/offices/${KITAKYUSHU}/slots?from=${from}&to=${addDays(from, -1)}`,
      ),
      422,
      'invalid_field',
      'to',
    )
    expectError(
      await getJson(`${suite.base}/offices/${KITAKYUSHU}/slots?from=tomorrow`),
      422,
      'invalid_field',
      'from',
    )
    expectError(
      await getJson(`${suite.base}/offices/${KITAKYUSHU}/slots?channel=x`),
      422,
      'invalid_field',
      'channel',
    )
    expectError(await getJson(`${suite.base}/offices/nowhere/slots`), 404, 'office_not_found')
  })
})

describe('POST /offices/{slug}/bookings: every rule, through HTTP', () => {
  it('outside_hours for a time outside the windows or off the session grid', async () => {
    expectError(
      await book(selfServiceBody(edition(), at(suite.dates[1]!, '09:00'))),
      422,
      'outside_hours',
    )
    expectError(
      await book(selfServiceBody(edition(), at(suite.dates[1]!, '10:15'))),
      422,
      'outside_hours',
    )
    expectError(
      await book(selfServiceBody(edition(), at(suite.dates[1]!, '12:00'))),
      422,
      'outside_hours',
    )
  })

  it('closed_day on an office closure (the policy change shows at once)', async () => {
    const closed = suite.dates[7]!
    const { payload } = suite.ctx.server
    const { docs } = await payload.find({
      collection: 'reservation-policies',
      where: { office: { equals: suite.ctx.officeIds[KITAKYUSHU] } },
      limit: 1,
    })
    await payload.update({
      collection: 'reservation-policies',
      id: docs[0]!.id,
      data: { closures: [{ date: closed, reason: '庁舎点検' }] },
    })
    expectError(await book(selfServiceBody(edition(), at(closed, '10:00'))), 422, 'closed_day')
    const slots = await getJson(
      `${suite.base}/offices/${KITAKYUSHU}/slots?from=${closed}&to=${closed}`,
    )
    expect(slots.body.slots).toEqual([])
    const policy = await getJson(`${suite.base}/offices/${KITAKYUSHU}/policy`)
    expect(policy.body.policy.closures).toEqual([{ date: closed, reason: '庁舎点検' }])
  })

  it('lead_time for a slot that has started', async () => {
    expectError(
      await book(selfServiceBody(edition(), at(recentPastWorkday(), '10:00'))),
      422,
      'lead_time',
    )
  })

  it('booking_window past the last bookable day', async () => {
    expectError(
      await book(selfServiceBody(edition(), at(dateBeyondWindow(), '10:00'))),
      422,
      'booking_window',
    )
  })

  it('channel_not_offered where the office takes no online bookings', async () => {
    const [date] = bookableDates(isesakiPolicy, 1)
    const body = selfServiceBody(suite.ctx.editions[ISESAKI]!, at(date!, '10:00'), {
      eligibility: allEligible(isesakiPolicy),
    })
    expectError(await book(body, ISESAKI), 422, 'channel_not_offered')
  })

  it('missing_field for a required detail or an unaffirmed eligibility statement, all listed', async () => {
    const slot = at(suite.dates[1]!, '10:30')
    const noPhone = await book(
      selfServiceBody(edition(), slot, { applicant: { name: '山田 花子', email: uniqueEmail() } }),
    )
    expectError(noPhone, 422, 'missing_field', 'applicant.phone')
    const { registered: _registered, ...partly } = allEligible(kitakyushuPolicy)
    const unaffirmed = await book(
      selfServiceBody(edition(), slot, { eligibility: { ...partly, 'video-device': false } }),
    )
    expectError(unaffirmed, 422, 'missing_field')
    expect(unaffirmed.body.errors.map((error: Json) => error.field)).toEqual([
      'eligibility.registered',
      'eligibility.video-device',
    ])
  })

  it('invalid_field for malformed details and malformed requests', async () => {
    const slot = at(suite.dates[1]!, '11:00')
    expectError(
      await book(
        selfServiceBody(edition(), slot, { applicant: applicant({ email: 'not-an-address' }) }),
      ),
      422,
      'invalid_field',
      'applicant.email',
    )
    expectError(
      await book(selfServiceBody(edition(), slot, { applicant: applicant({ phone: '12345' }) })),
      422,
      'invalid_field',
      'applicant.phone',
    )
    expectError(
      await book(selfServiceBody(edition(), `${suite.dates[1]}T11:00:00`)),
      422,
      'invalid_field',
      'slotStart',
    )
    expectError(
      await book({ ...selfServiceBody(edition(), slot), extra: 1 }),
      422,
      'invalid_field',
      'extra',
    )
    expectError(await book({ applicant: applicant() }), 422, 'missing_field', 'slotStart')
  })

  it('terms_not_current for another edition or without agreement', async () => {
    const slot = at(suite.dates[1]!, '11:00')
    expectError(
      await book(
        selfServiceBody(edition(), slot, {
          consent: { termsEdition: edition() + 50, agreed: true },
        }),
      ),
      422,
      'terms_not_current',
    )
    expectError(
      await book(
        selfServiceBody(edition(), slot, { consent: { termsEdition: edition(), agreed: false } }),
      ),
      422,
      'terms_not_current',
      'consent.agreed',
    )
  })

  it('an applicant the office refuses is answered as if accepted, stores nothing, and is told by mail', async () => {
    const email = uniqueEmail('refused')
    const officeId = suite.ctx.officeIds[KITAKYUSHU]!
    const [key] = applicantKeys(officeId, normaliseApplicant({ email }))
    await suite.ctx.server.payload.create({
      collection: 'applicant-standings',
      data: {
        office: officeId as number,
        applicantKey: key!,
        refused: true,
        reason: 'テスト',
        noShowCount: 0,
      },
    })
    const response = await book(
      selfServiceBody(edition(), at(suite.dates[1]!, '11:30'), {
        applicant: applicant({ email: `  ${email.toUpperCase()}` }),
      }),
    )
    // Issue 10, item 12: a stranger typing the address must not learn of the refusal.
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    expect(response.body.booking.status).toBe('pending_confirmation')
    // Sent to the address as given, normalised (the local part keeps its case).
    const mail = await suite.ctx.smtp.waitFor(
      mailTo(email.toUpperCase().replace('@EXAMPLE.TEST', '@example.test'), /お申込みについて/),
    )
    expect(mail.text).toContain('オンラインではお受けできません')
    const { totalDocs } = await suite.ctx.server.payload.count({
      collection: 'bookings',
      where: { reference: { equals: response.body.booking.reference } },
    })
    expect(totalDocs).toBe(0)
  })

  it('slot_full (409) once the only seat is held; the slot leaves the list', async () => {
    const slot = at(suite.dates[2]!, '13:00')
    const first = await book(selfServiceBody(edition(), slot))
    expect(first.status).toBe(202)
    expectError(await book(selfServiceBody(edition(), slot)), 409, 'slot_full')
    const listed = await getJson(
      `${suite.base}/offices/${KITAKYUSHU}/slots?from=${suite.dates[2]}&to=${suite.dates[2]}`,
    )
    expect(listed.body.slots.map((entry: Json) => entry.start)).not.toContain(slot)
  })
})

describe('POST /offices/{slug}/bookings: one way through', () => {
  it('answers channel_not_offered alone where the office takes no online bookings, whatever else is wrong', async () => {
    let sunday = addDays(tokyoDateOf(new Date()), 2)
    while (tokyoDay(sunday).weekday !== 7) sunday = addDays(sunday, 1)
    const response = await book(
      selfServiceBody(suite.ctx.editions[ISESAKI]!, at(sunday, '03:00'), {
        applicant: {},
        consent: { termsEdition: suite.ctx.editions[ISESAKI]!, agreed: false },
      }),
      ISESAKI,
    )
    expectError(response, 422, 'channel_not_offered')
    expect(response.body.errors).toHaveLength(1)
  })

  it('parses slotStart once at the edge: with or without seconds, never an impossible date', async () => {
    const [date] = suite.dates
    // Refused for the agreement, so the slot was read and nothing is written.
    const noAgreement = { consent: { termsEdition: edition(), agreed: false } }
    for (const slotStart of [at(date!, '10:00'), `${date}T10:00+09:00`, `${date}T01:00:00Z`]) {
      expectError(
        await book({ ...selfServiceBody(edition(), slotStart), ...noAgreement }),
        422,
        'terms_not_current',
        'consent.agreed',
      )
    }
    const impossible = await book(selfServiceBody(edition(), '2027-02-30T10:00:00+09:00'))
    expectError(impossible, 422, 'invalid_field', 'slotStart')
    expect(impossible.body.errors[0].message).toContain('ISO 8601')
  })

  it('has the hooks decide on the slot and governance the public path hands them', async () => {
    const { payload } = suite.ctx.server
    const officeId = suite.ctx.officeIds[KITAKYUSHU]!
    const governance = await officeGovernance(payload, officeId)
    const slotStart = new Date(at(suite.dates[2]!, '10:00'))
    const attempt = (records: typeof governance.records) =>
      payload.create({
        collection: 'bookings',
        // The text is never read again: the hook takes the slot the route parsed.
        data: {
          office: officeId as number,
          slotStart: 'not a date',
          channel: 'self-service',
          status: 'pending_confirmation',
        },
        overrideAccess: true,
        context: withBookingContext({
          slotStart,
          governance: { ...governance, records, officeId },
          termsAgreed: false,
        }),
      })
    await expect(attempt(governance.records)).rejects.toMatchObject({
      data: { code: 'terms_not_current', field: 'consent.agreed' },
    })
    const withoutSelfService = governance.records.map((record) => ({
      ...record,
      policy: {
        ...record.policy,
        channels: record.policy.channels.filter((c) => c.channel !== 'self-service'),
      },
    }))
    await expect(attempt(withoutSelfService)).rejects.toMatchObject({
      data: { code: 'channel_not_offered' },
    })
  })
})

describe('the mail round trip', () => {
  it('book → mail → GET page (no change) → POST confirm → mail with .ics and cancel link → POST cancel', async () => {
    const email = uniqueEmail('roundtrip')
    const slot = at(suite.dates[3]!, '14:00')
    const created = await book(
      selfServiceBody(edition(), slot, {
        applicant: applicant({ email, jobSeekerNumber: '１２３４５ー６７８９' }),
      }),
    )
    expect(created.status).toBe(202)
    const { booking } = created.body
    expect(booking).toMatchObject({
      status: 'pending_confirmation',
      slotStart: slot,
      slotEnd: at(suite.dates[3]!, '14:30'),
      tool: 'teleoffice',
    })
    expect(booking.reference).toMatch(/^KY-/)
    expect(booking.confirmBy).toMatch(/\+09:00$/)
    expect(Object.keys(booking).sort()).toEqual([
      'confirmBy',
      'reference',
      'slotEnd',
      'slotStart',
      'status',
      'tool',
    ])

    const stored = await storedBooking(booking.reference)
    expect(stored.applicant?.jobSeekerNumber).toBe('12345-6789')
    expect(stored.applicant?.phone).toBe('09012345678')
    expect(stored.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.consent?.agreedAt).toBeTruthy()

    const requestMail = await suite.ctx.smtp.waitFor(mailTo(email, /確認のお願い/))
    expect(requestMail.text).toContain(booking.reference)
    const confirmLink = linkIn(requestMail, '/public/v1/bookings/confirm', suite.ctx.server.url)
    expect(stored.confirmTokenHash).not.toContain(tokenOf(confirmLink))

    const page = await fetch(confirmLink)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<html lang="ja">')
    expect(html.match(/<form method="post"/g)).toHaveLength(1)
    expect(html.match(/<button/g)).toHaveLength(1)
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect((await storedBooking(booking.reference)).status).toBe('pending_confirmation')

    const confirmed = await postJson(`${suite.base}/bookings/confirm`, {
      token: tokenOf(confirmLink),
    })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.booking).toMatchObject({
      reference: booking.reference,
      status: 'confirmed',
    })

    const doneMail = await suite.ctx.smtp.waitFor(mailTo(email, /確定しました/))
    const ics = doneMail.attachments.find((attachment) => attachment.filename?.endsWith('.ics'))
    expect(ics?.mimeType).toBe('text/calendar')
    expect(ics?.content).toContain(`UID:${booking.reference}`)
    expect(ics?.content).toContain(
      `DTSTART;TZID=Asia/Tokyo:${suite.dates[3]!.replaceAll('-', '')}T140000`,
    )
    expect(ics?.content).toContain(
      `DTEND;TZID=Asia/Tokyo:${suite.dates[3]!.replaceAll('-', '')}T143000`,
    )
    expect(ics?.content).toContain('TZID:Asia/Tokyo')
    const cancelLink = linkIn(doneMail, '/public/v1/bookings/cancel', suite.ctx.server.url)

    // Single use: the confirmation link is spent.
    expectError(
      await postJson(`${suite.base}/bookings/confirm`, { token: tokenOf(confirmLink) }),
      400,
      'invalid_token',
    )
    expect((await fetch(confirmLink)).status).toBe(400)

    const cancelPage = await fetch(cancelLink)
    expect(cancelPage.status).toBe(200)
    expect(await cancelPage.text()).toContain('予約をキャンセルする')
    expect((await storedBooking(booking.reference)).status).toBe('confirmed')

    // The page's own button: a form post, answered with a page.
    const cancelled = await fetch(`${suite.base}/bookings/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokenOf(cancelLink) }).toString(),
    })
    expect(cancelled.status).toBe(200)
    expect(await cancelled.text()).toContain('キャンセルしました')
    await suite.ctx.smtp.waitFor(mailTo(email, /キャンセルしました/))

    const after = await storedBooking(booking.reference)
    expect(after.status).toBe('cancelled')
    expect(after.cancelVia).toBe('link')
    expect(after.seatLock).toMatch(/^released\|/)
    expect(
      after.statusHistory?.map((row) => [row.from ?? null, row.to, row.via ?? null, row.actor]),
    ).toEqual([
      [null, 'pending_confirmation', null, 'applicant'],
      ['pending_confirmation', 'confirmed', 'link', 'applicant'],
      ['confirmed', 'cancelled', 'link', 'applicant'],
    ])
    expectError(
      await postJson(`${suite.base}/bookings/cancel`, { token: tokenOf(cancelLink) }),
      400,
      'invalid_token',
    )

    // The seat is free again.
    const listed = await getJson(
      `${suite.base}/offices/${KITAKYUSHU}/slots?from=${suite.dates[3]}&to=${suite.dates[3]}`,
    )
    expect(listed.body.slots.map((entry: Json) => entry.start)).toContain(slot)
  })

  it('answers unknown and malformed tokens with invalid_token', async () => {
    expectError(
      await postJson(`${suite.base}/bookings/confirm`, { token: 'A'.repeat(43) }),
      400,
      'invalid_token',
    )
    expectError(await postJson(`${suite.base}/bookings/cancel`, {}), 400, 'invalid_token')
    const page = await fetch(`${suite.base}/bookings/confirm?token=nope`)
    expect(page.status).toBe(400)
    expect(await page.text()).toContain('lang="ja"')
  })
})
