import type { Options } from 'express-rate-limit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  BOOKINGS_PER_ADDRESS,
  WRONG_TOKENS_PER_MINUTE,
} from '../../../src/server/public/bookingRateLimit'
import { SharedHitCounter } from '../../../src/services/rateLimits/sharedHitCounter'
import {
  at,
  bookableDates,
  KITAKYUSHU,
  kitakyushuPolicy,
  linkIn,
  mailTo,
  postJson,
  selfServiceBody,
  applicant,
  startBookingServer,
  uniqueEmail,
  type BookingTestContext,
} from './support'

let ctx: BookingTestContext
let base: string

beforeAll(async () => {
  ctx = await startBookingServer()
  base = `${ctx.server.url}/public/v1`
})
afterAll(async () => {
  await ctx?.close()
})

/** Every open slot start of the next bookable days, enough for `count` bookings. */
function slotStarts(count: number): string[] {
  const times = kitakyushuPolicy.windows
    .filter((window) => window.weekday === 1)
    .flatMap((window) => {
      const starts: string[] = []
      const [startHour, startMinute] = window.start.split(':').map(Number)
      const [endHour, endMinute] = window.end.split(':').map(Number)
      for (
        let minute = startHour! * 60 + startMinute!;
        minute + 30 <= endHour! * 60 + endMinute!;
        minute += 30
      ) {
        starts.push(
          `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
        )
      }
      return starts
    })
  const dates = bookableDates(kitakyushuPolicy, Math.ceil(count / times.length))
  return dates.flatMap((date) => times.map((time) => at(date, time))).slice(0, count)
}

describe('rate limits', () => {
  it('a valid link keeps working while wrong tokens from one address are cut off after ten a minute', async () => {
    const email = uniqueEmail('limit')
    const [slot] = slotStarts(1)
    const created = await postJson(
      `${base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(ctx.editions[KITAKYUSHU]!, slot!, { applicant: applicant({ email }) }),
    )
    expect(created.status).toBe(202)
    const link = linkIn(
      await ctx.smtp.waitFor(mailTo(email, /確認/)),
      '/public/v1/bookings/confirm',
      ctx.server.url,
    )
    // Opening one's own link repeatedly is never limited.
    for (let i = 0; i < WRONG_TOKENS_PER_MINUTE + 2; i++)
      expect((await fetch(link)).status).toBe(200)

    for (let i = 0; i < WRONG_TOKENS_PER_MINUTE; i++) {
      const wrong = await postJson(`${base}/bookings/confirm`, {
        token: `${'x'.repeat(40)}${String(i).padStart(3, '0')}`,
      })
      expect(wrong.status).toBe(400)
      expect(wrong.body.errors[0].code).toBe('invalid_token')
    }
    const limited = await postJson(`${base}/bookings/cancel`, { token: 'y'.repeat(43) })
    expect(limited.status).toBe(429)
    expect(limited.body.errors[0].code).toBe('rate_limited')
    const page = await fetch(link)
    expect(page.status).toBe(429)
    expect(await page.text()).toContain('lang="ja"')
  })

  it('wrong tokens are counted over the last minute, so ten just before a minute turns and one just after make eleven', async () => {
    const minute = 60_000
    // Ten seconds before a minute starts: a counter of fixed minutes would start afresh at it.
    const start = Math.ceil(Date.now() / minute) * minute + 5 * minute - 10_000
    let now = start
    const counter = new SharedHitCounter(
      ctx.server.payload,
      'probe-window',
      'test-secret',
      () => now,
    )
    counter.init({ windowMs: minute } as Options)
    const address = '192.0.2.55'
    for (let i = 1; i <= WRONG_TOKENS_PER_MINUTE; i++) {
      now = start + (i - 1) * 500
      expect((await counter.increment(address)).totalHits).toBe(i)
    }
    now = start + 15_000
    const eleventh = await counter.increment(address)
    expect(eleventh.totalHits).toBe(WRONG_TOKENS_PER_MINUTE + 1)
    // The count drops when the first hit is a minute old, not at the turn of the clock's minute.
    expect(eleventh.resetTime.getTime()).toBe(start + minute)
    now = start + minute + 1
    expect((await counter.get(address)).totalHits).toBe(WRONG_TOKENS_PER_MINUTE)
    now = start + 15_000 + minute + 1
    expect((await counter.get(address)).totalHits).toBe(0)
    // Another address is counted apart.
    expect((await counter.increment('192.0.2.56')).totalHits).toBe(1)
  })

  it(`at most ${BOOKINGS_PER_ADDRESS} bookings an hour from one address`, async () => {
    const edition = ctx.editions[KITAKYUSHU]!
    // The first test made one booking already.
    const starts = slotStarts(BOOKINGS_PER_ADDRESS + 1).slice(1)
    for (const slot of starts.slice(0, BOOKINGS_PER_ADDRESS - 1)) {
      const response = await postJson(
        `${base}/offices/${KITAKYUSHU}/bookings`,
        selfServiceBody(edition, slot),
      )
      expect(response.status, JSON.stringify(response.body)).toBe(202)
    }
    const refused = await postJson(
      `${base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition, starts.at(-1)!),
    )
    expect(refused.status).toBe(429)
    expect(refused.body.errors[0]).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/しばらく/),
    })
  })
})
