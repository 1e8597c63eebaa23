import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  at,
  bookableDates,
  KITAKYUSHU,
  kitakyushuPolicy,
  postJson,
  selfServiceBody,
  startBookingServer,
  type BookingTestContext,
} from '../booking/support'
import { tokyoDateOf } from '../../../src/lib/tokyoTime'
import { BOOKING_REFUSED_ACTION } from '../../../src/services/usage/refusals'
import { usageForOffices } from '../../../src/services/usage/usageStats'

const today = () => tokyoDateOf(new Date())

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789'

/** Prometheus text → `name{labels}` → value, for the samples that have a value. */
function parseSamples(text: string): Map<string, number> {
  const samples = new Map<string, number>()
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const cut = line.lastIndexOf(' ')
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)))
  }
  return samples
}

describe('/metrics', () => {
  let ctx: BookingTestContext
  let dates: string[]
  const scrape = async (token = METRICS_TOKEN) =>
    fetch(`${ctx.server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })
  const samples = async () => {
    const response = await scrape()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    const text = await response.text()
    return { text, values: parseSamples(text) }
  }
  const value = (values: Map<string, number>, key: string) => values.get(key) ?? 0

  beforeAll(async () => {
    ctx = await startBookingServer({ METRICS_TOKEN })
    dates = bookableDates(kitakyushuPolicy, 3)
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('answers 401 without the bearer token or with a wrong one', async () => {
    expect((await fetch(`${ctx.server.url}/metrics`)).status).toBe(401)
    const wrong = await scrape('not-the-metrics-token-at-all')
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/)
  })

  it('counts a booking, a refusal by its rule code and a job run, by route pattern', async () => {
    const before = (await samples()).values
    const base = `${ctx.server.url}/public/v1`
    const edition = ctx.editions[KITAKYUSHU]!
    const booked = await postJson(
      `${base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition, at(dates[1]!, '10:00')),
    )
    expect(booked.status, JSON.stringify(booked.body)).toBe(202)
    const refused = await postJson(
      `${base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition, at(dates[1]!, '09:00')),
    )
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].code).toBe('outside_hours')
    const { payload } = ctx.server
    await payload.jobs.queue({ task: 'expireUnconfirmedBookings', input: {} })
    await payload.jobs.run()
    for (let i = 0; i < 2; i++) await fetch(`${base}/offices/${KITAKYUSHU}/terms`)

    const { text, values: after } = await samples()
    const delta = (key: string) => value(after, key) - value(before, key)
    expect(delta('kiyaku_bookings_created_total{channel="self-service"}')).toBe(1)
    expect(delta('kiyaku_bookings_refused_total{code="outside_hours"}')).toBe(1)
    expect(delta('kiyaku_job_runs_total{task="expireUnconfirmedBookings",result="ran"}')).toBe(1)
    const bookingRoute = 'route="/public/v1/offices/:slug/bookings",method="POST"'
    expect(delta(`kiyaku_http_request_duration_seconds_count{${bookingRoute},status="202"}`)).toBe(
      1,
    )
    expect(delta(`kiyaku_http_request_duration_seconds_count{${bookingRoute},status="422"}`)).toBe(
      1,
    )
    expect(
      delta(`kiyaku_http_request_duration_seconds_bucket{le="+Inf",${bookingRoute},status="202"}`),
    ).toBe(1)
    // Two reads of the same terms: at least one served from the cache.
    expect(delta('kiyaku_terms_cache_lookups_total{result="hit"}')).toBeGreaterThanOrEqual(1)
    expect(
      delta('kiyaku_terms_cache_lookups_total{result="hit"}') +
        delta('kiyaku_terms_cache_lookups_total{result="miss"}'),
    ).toBe(2)
    expect(value(after, 'kiyaku_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0)
    expect(text).toContain('kiyaku_nodejs_eventloop_lag_p99_seconds')
    expect(value(after, 'kiyaku_process_resident_memory_bytes')).toBeGreaterThan(0)
    // No label carries a slug, an address or anything the applicant typed.
    expect(text).not.toContain(KITAKYUSHU)
    expect(text).not.toContain('@')
    expect(text).not.toContain('山田')
  })

  it('counts a full slot as a refusal, in the metrics and in the usage dashboard’s audit count', async () => {
    const base = `${ctx.server.url}/public/v1`
    const edition = ctx.editions[KITAKYUSHU]!
    const slot = at(dates[2]!, '11:00')
    const officeId = ctx.officeIds[KITAKYUSHU]!
    const day = dates[2]!
    const usageBefore = await usageForOffices(ctx.server.payload, [officeId], today(), day)
    const before = (await samples()).values
    const booked = await postJson(
      `${base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition, slot),
    )
    expect(booked.status, JSON.stringify(booked.body)).toBe(202)
    // One seat per slot: the next applicant finds it taken (claimSeat, inside the booking hook).
    const full = await postJson(
      `${base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition, slot),
    )
    expect(full.status).toBe(409)
    expect(full.body.errors[0].code).toBe('slot_full')
    const outside = await postJson(
      `${base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition, at(day, '09:00')),
    )
    expect(outside.body.errors[0].code).toBe('outside_hours')

    const { values: after } = await samples()
    expect(
      value(after, 'kiyaku_bookings_refused_total{code="slot_full"}') -
        value(before, 'kiyaku_bookings_refused_total{code="slot_full"}'),
    ).toBe(1)
    const usage = await usageForOffices(ctx.server.payload, [officeId], today(), day)
    const delta = (code: string) =>
      (usage.offices[0]!.summary.refusals[code] ?? 0) -
      (usageBefore.offices[0]!.summary.refusals[code] ?? 0)
    expect(delta('slot_full')).toBe(1)
    expect(delta('outside_hours')).toBe(1)
    expect(usage.all.refusals).toEqual(usage.offices[0]!.summary.refusals)
    // The other office counts none of them.
    const other = await usageForOffices(
      ctx.server.payload,
      [ctx.officeIds['isesaki']!],
      today(),
      day,
    )
    expect(other.offices[0]!.summary.refusals['slot_full'] ?? 0).toBe(0)
    // The audit entries say office, time and code only.
    const { docs } = await ctx.server.payload.find({
      collection: 'audit-log',
      where: { action: { equals: BOOKING_REFUSED_ACTION } },
      depth: 0,
      pagination: false,
    })
    const recorded = JSON.stringify(docs)
    expect(recorded).not.toContain('山田')
    expect(recorded).not.toContain('@')
    expect(recorded).not.toContain(slot)
  })
})
