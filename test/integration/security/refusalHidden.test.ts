/**
 * Issue 10, item 12: a stranger who types someone's e-mail address into the public booking paths
 * must not learn that the office refuses that person. The refused applicant gets the answer an
 * accepted one gets (status, keys, shapes; nothing stored) and is told by mail instead.
 */
import { describe, expect, it } from 'vitest'

import { normaliseApplicant } from '../../../src/rules/booking/normaliseApplicant'
import { applicantKeys } from '../../../src/services/bookings/applicantKey'
import { BookingRuleError } from '../../../src/services/bookings/errors'
import { filledForm, openForm, postForm } from '../../reliability/siteForm'
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
  type Json,
} from '../booking/support'

const suite = bookingSuite(4)
const REFERENCE = /KY-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/g
const MINUTE = 60_000

async function refuse(email: string): Promise<void> {
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
}

async function bookingsOf(email: string) {
  const { totalDocs } = await suite.ctx.server.payload.count({
    collection: 'bookings',
    where: { 'applicant.email': { equals: email } },
    overrideAccess: true,
  })
  return totalDocs
}

/** The type of every value, recursively: what a stranger compares besides the values. */
function shapeOf(value: Json): Json {
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.map(shapeOf)
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shapeOf(value[key])]),
    )
  }
  return typeof value
}

describe('a refused applicant on the public paths', () => {
  it('gets the JSON answer an accepted applicant gets, no booking, and a mail saying why', async () => {
    const refused = uniqueEmail('refused-json')
    const accepted = uniqueEmail('accepted-json')
    await refuse(refused)
    // The same slot for both: a refusal takes no seat, so the accepted booking still gets it.
    const slot = at(suite.dates[0]!, '10:30')
    const url = `${suite.base}/offices/${KITAKYUSHU}/bookings`
    const sentAt = Date.now()
    const refusedAnswer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        selfServiceBody(suite.edition(), slot, { applicant: applicant({ email: refused }) }),
      ),
    })
    const acceptedAnswer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        selfServiceBody(suite.edition(), slot, { applicant: applicant({ email: accepted }) }),
      ),
    })
    const refusedBody = await refusedAnswer.json()
    const acceptedBody = await acceptedAnswer.json()

    expect(acceptedAnswer.status, JSON.stringify(acceptedBody)).toBe(202)
    expect(refusedAnswer.status, JSON.stringify(refusedBody)).toBe(acceptedAnswer.status)
    expect(refusedAnswer.headers.get('content-type')).toBe(
      acceptedAnswer.headers.get('content-type'),
    )
    expect(shapeOf(refusedBody)).toEqual(shapeOf(acceptedBody))
    const [mine, theirs] = [refusedBody.booking, acceptedBody.booking]
    expect(mine.reference).toMatch(REFERENCE)
    expect(mine.reference).not.toBe(theirs.reference)
    for (const field of ['status', 'slotStart', 'slotEnd', 'tool'] as const) {
      expect(mine[field], field).toEqual(theirs[field])
    }
    // Both deadlines are "now + the window" (capped alike): equal within the time between them.
    const gap = Math.abs(Date.parse(mine.confirmBy) - Date.parse(theirs.confirmBy))
    expect(gap).toBeLessThanOrEqual(Date.now() - sentAt + MINUTE)

    const mail = await suite.ctx.smtp.waitFor(mailTo(refused, /お申込みについて/))
    expect(mail.text).toContain('オンラインではお受けできません')
    expect(mail.text).toContain('マザーズハローワーク北九州')
    expect(mail.text).not.toContain(mine.reference)
    await suite.ctx.smtp.waitFor(mailTo(accepted, /確認/))
    expect(suite.ctx.smtp.inbox.filter(mailTo(refused, /確認/))).toEqual([])

    expect(await bookingsOf(refused)).toBe(0)
    const { totalDocs } = await suite.ctx.server.payload.count({
      collection: 'bookings',
      where: { reference: { equals: mine.reference } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })

  it('gets the page an accepted applicant gets on the booking site, no booking, and the mail', async () => {
    const refused = uniqueEmail('refused-site')
    const accepted = uniqueEmail('accepted-site')
    await refuse(refused)
    const slot = at(suite.dates[1]!, '11:00')
    const site = suite.ctx.server.url
    const submit = async (email: string) => {
      const form = await openForm(site, KITAKYUSHU, slot)
      expect(form.status).toBe(200)
      const response = await postForm(
        site,
        KITAKYUSHU,
        form.cookie,
        filledForm(form, slot, { name: '山田 花子', email, phone: '090-1234-5678' }),
      )
      return { status: response.status, text: await response.text() }
    }
    const refusedPage = await submit(refused)
    const acceptedPage = await submit(accepted)
    expect(acceptedPage.status).toBe(200)
    expect(acceptedPage.text).toContain('お申込みを受け付けました')
    expect(refusedPage.status).toBe(acceptedPage.status)
    // Only the reference and the confirmation deadline's clock time may differ.
    const normalised = (text: string) =>
      text.replace(REFERENCE, 'KY-REF').replace(/\d{1,2}:\d{2}まで/g, 'HH:MMまで')
    expect(normalised(refusedPage.text)).toBe(normalised(acceptedPage.text))

    await suite.ctx.smtp.waitFor(mailTo(refused, /お申込みについて/))
    expect(await bookingsOf(refused)).toBe(0)
    expect(await bookingsOf(accepted)).toBe(1)
  })

  it('is still refused explicitly where no stranger asks (Local API, staff paths)', async () => {
    const refused = uniqueEmail('refused-local')
    await refuse(refused)
    const attempt = suite.ctx.server.payload.create({
      collection: 'bookings',
      data: {
        office: suite.ctx.officeIds[KITAKYUSHU] as number,
        slotStart: new Date(at(suite.dates[2]!, '13:30')).toISOString(),
        channel: 'self-service',
        status: 'pending_confirmation',
        applicant: { name: '山田 花子', email: refused, phone: '090-1234-5678' },
        eligibility: allEligible(kitakyushuPolicy),
        consent: { termsEdition: await editionId() },
      } as never,
      overrideAccess: true,
    })
    const error = await attempt.then(
      () => null,
      (thrown: unknown) => thrown,
    )
    expect(error).toBeInstanceOf(BookingRuleError)
    expect((error as BookingRuleError).violations.map((v) => v.code)).toEqual(['not_accepted'])
    expect(await bookingsOf(refused)).toBe(0)
  })

  it('a refused applicant asking for a full slot gets slot_full, as anyone would', async () => {
    const refused = uniqueEmail('refused-full')
    await refuse(refused)
    const slot = at(suite.dates[2]!, '15:00')
    const url = `${suite.base}/offices/${KITAKYUSHU}/bookings`
    const taken = await postJson(url, selfServiceBody(suite.edition(), slot))
    expect(taken.status).toBe(202)
    const stranger = await postJson(url, selfServiceBody(suite.edition(), slot))
    const asRefused = await postJson(
      url,
      selfServiceBody(suite.edition(), slot, { applicant: applicant({ email: refused }) }),
    )
    expect(stranger.status).toBe(409)
    expect(asRefused.status).toBe(stranger.status)
    expect(asRefused.body).toEqual(stranger.body)
  })

  it('an invalid request from a refused applicant gets the same errors as anyone’s', async () => {
    const refused = uniqueEmail('refused-invalid')
    await refuse(refused)
    const body = selfServiceBody(suite.edition(), at(suite.dates[3]!, '10:00'), {
      applicant: applicant({ email: refused, name: '' }),
    })
    const answer = await postJson(`${suite.base}/offices/${KITAKYUSHU}/bookings`, body)
    const other = await postJson(`${suite.base}/offices/${KITAKYUSHU}/bookings`, {
      ...body,
      applicant: applicant({ name: '' }),
    })
    expect(answer.status).toBe(422)
    expect(answer.body).toEqual(other.body)
  })
})

async function editionId(): Promise<number> {
  const { docs } = await suite.ctx.server.payload.find({
    collection: 'terms-editions',
    where: {
      office: { equals: suite.ctx.officeIds[KITAKYUSHU] },
      number: { equals: suite.edition() },
    },
    limit: 1,
    depth: 0,
  })
  return docs[0]!.id as number
}
