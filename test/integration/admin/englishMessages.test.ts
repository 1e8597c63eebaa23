import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { addDays, tokyoDateOf } from '../../../src/lib/tokyoTime'
import { policyMessages, ruleMessageTexts } from '../../../src/rules/booking/messages'
import { termsErrorMessagesEn } from '../../../src/rules/terms/messages'
import { docFromPolicy } from '../../../src/services/policies/policyFromDoc'
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
  type BookingTestContext,
} from '../booking/support'

// Kana or kanji: what must never be in an English message, and what a Japanese one has.
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/

let ctx: BookingTestContext
let staff: Record<string, string>
let admin: Record<string, string>
let dates: string[]

beforeAll(async () => {
  ctx = await startBookingServer()
  staff = bearer(await login(ctx.server.url, 'kitakyushu-staff@demo.test'))
  admin = bearer(await login(ctx.server.url, 'kitakyushu-admin@demo.test'))
  dates = bookableDates(kitakyushuPolicy, 2)
})
afterAll(async () => {
  await ctx?.close()
})

/** The two ways Payload takes the admin's language: its `payload-lng` cookie, or the header. */
const english = {
  header: { 'accept-language': 'en-US,en;q=0.9' },
  cookie: { cookie: 'payload-lng=en', 'accept-language': 'ja' },
}
const japanese = {
  header: { 'accept-language': 'ja' },
  cookie: { cookie: 'payload-lng=ja', 'accept-language': 'en' },
  none: {},
}

/** A staff booking at 12:30, between 北九州's two windows: refused with outside_hours. */
const outsideHours = () => ({
  office: ctx.officeIds[KITAKYUSHU],
  slotStart: at(dates[1]!, '12:30'),
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
})

const createBooking = (language: Record<string, string>) =>
  postJson(`${ctx.server.url}/api/bookings`, outsideHours(), { ...staff, ...language })

/** A policy whose one window ends before it starts. */
const createBadPolicy = (language: Record<string, string>) =>
  postJson(
    `${ctx.server.url}/api/reservation-policies`,
    {
      ...docFromPolicy(kitakyushuPolicy),
      office: ctx.officeIds[KITAKYUSHU],
      effectiveFrom: addDays(tokyoDateOf(new Date()), 1),
      windows: [{ weekday: '1', start: '12:00', end: '10:00' }],
    },
    { ...admin, ...language },
  )

describe('refusals through the REST API follow the admin language', () => {
  it('a booking rule violation is English for an English admin, by cookie or by header', async () => {
    for (const language of Object.values(english)) {
      const response = await createBooking(language)
      expect(response.status, JSON.stringify(response.body)).toBe(422)
      const [first] = response.body.errors
      expect(first.data.code).toBe('outside_hours')
      expect(first.message).toBe(ruleMessageTexts.outside_hours.en)
      expect(first.message).not.toMatch(JAPANESE)
      for (const found of first.data.violations) expect(found.message).not.toMatch(JAPANESE)
    }
  })

  it('the same violation stays Japanese for a Japanese admin and by default', async () => {
    for (const language of Object.values(japanese)) {
      const response = await createBooking(language)
      expect(response.status, JSON.stringify(response.body)).toBe(422)
      expect(response.body.errors[0].data.code).toBe('outside_hours')
      expect(response.body.errors[0].message).toMatch(JAPANESE)
    }
  })

  it('policy validation errors are worded in the admin language, field by field', async () => {
    const inEnglish = await createBadPolicy(english.cookie)
    expect(inEnglish.status, JSON.stringify(inEnglish.body)).toBe(400)
    expect(inEnglish.body.errors[0].data.errors).toEqual([
      { path: 'windows.0.end', message: policyMessages.endBeforeStart.en },
    ])
    expect(JSON.stringify(inEnglish.body)).not.toMatch(JAPANESE)

    const inJapanese = await createBadPolicy(japanese.header)
    expect(inJapanese.status).toBe(400)
    expect(inJapanese.body.errors[0].data.errors).toEqual([
      { path: 'windows.0.end', message: policyMessages.endBeforeStart.ja },
    ])
  })

  it('a refused edit of a policy the terms print is English for an English admin', async () => {
    const { docs } = await ctx.server.payload.find({
      collection: 'reservation-policies',
      where: {
        office: { equals: ctx.officeIds[KITAKYUSHU] },
        effectiveFrom: { equals: '2025-04-01' },
      },
    })
    const url = `${ctx.server.url}/api/reservation-policies/${docs[0]!.id}`
    const inEnglish = await postJson(
      url,
      { noShowGraceMinutes: 15 },
      { ...admin, ...english.header },
      'PATCH',
    )
    expect(inEnglish.status).toBe(409)
    expect(inEnglish.body.errors[0].data.code).toBe('policy_governs_terms')
    expect(inEnglish.body.errors[0].message).toBe(termsErrorMessagesEn.policy_governs_terms)
    const inJapanese = await postJson(url, { noShowGraceMinutes: 15 }, admin, 'PATCH')
    expect(inJapanese.status).toBe(409)
    expect(inJapanese.body.errors[0].message).toMatch(JAPANESE)
  })

  it('the public API stays Japanese whatever language the browser asks for', async () => {
    const response = await postJson(
      `${ctx.server.url}/public/v1/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(ctx.editions[KITAKYUSHU]!, at(dates[1]!, '09:00')),
      english.cookie,
    )
    expect(response.status, JSON.stringify(response.body)).toBe(422)
    expect(response.body.errors[0].code).toBe('outside_hours')
    expect(response.body.errors[0].message).toBe(ruleMessageTexts.outside_hours.ja)
  })
})
