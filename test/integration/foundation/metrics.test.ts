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
})
