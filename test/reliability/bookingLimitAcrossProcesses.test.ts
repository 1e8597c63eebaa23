/**
 * Issue 10, item 8: the per-address booking limit counts in the database, so two server processes
 * behind one balancer give an address the limit once, not twice.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { BOOKINGS_PER_ADDRESS } from '../../src/server/public/bookingRateLimit'
import {
  at,
  bookableDates,
  getJson,
  kitakyushuPolicy,
  postJson,
  selfServiceBody,
} from '../integration/booking/support'
import { spawnListeningServer, type ServerProcess } from '../support/process'
import { testDatabaseUrl } from '../support/server'

const KITAKYUSHU = 'kitakyushu-mothers'
const HOUR_S = 3600

/** Distinct slot starts of 北九州's bookable days (one seat each), `count` of them. */
function slotStarts(count: number): string[] {
  const times: string[] = []
  for (const window of kitakyushuPolicy.windows.filter((w) => w.weekday === 1)) {
    const [startHour, startMinute] = window.start.split(':').map(Number)
    const [endHour, endMinute] = window.end.split(':').map(Number)
    const end = endHour! * 60 + endMinute!
    for (let minute = startHour! * 60 + startMinute!; minute + 30 <= end; minute += 30) {
      times.push(
        `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
      )
    }
  }
  const dates = bookableDates(kitakyushuPolicy, Math.ceil(count / times.length))
  return dates.flatMap((date) => times.map((time) => at(date, time))).slice(0, count)
}

describe('bookings per address across server processes', () => {
  let dataDir: string
  let servers: ServerProcess[] = []

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-booking-limit-'))
    const databaseUrl = testDatabaseUrl(dataDir)
    const env = {
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      KIYAKU_JOBS_AUTORUN: 'false',
      KIYAKU_PUBLIC_RATE_LIMIT: '100000',
      KIYAKU_DEMO: 'on',
    }
    // The first process migrates and seeds; the second finds both done.
    servers.push(await spawnListeningServer(dataDir, env))
    servers.push(await spawnListeningServer(dataDir, env))
  }, 240_000)

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGTERM')
    await Promise.all(servers.map((server) => server.exit))
    servers = []
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }, 60_000)

  it(`booking number ${BOOKINGS_PER_ADDRESS + 1} from one address, sent to two processes in turn, is refused with Retry-After`, async () => {
    const terms = await getJson(`${servers[0]!.url}/public/v1/offices/${KITAKYUSHU}/terms`)
    expect(terms.status).toBe(200)
    const edition = terms.body.edition.number as number
    const starts = slotStarts(BOOKINGS_PER_ADDRESS + 1)
    for (const [index, slot] of starts.slice(0, BOOKINGS_PER_ADDRESS).entries()) {
      const server = servers[index % 2]!
      const response = await postJson(
        `${server.url}/public/v1/offices/${KITAKYUSHU}/bookings`,
        selfServiceBody(edition, slot),
      )
      expect(response.status, `booking ${index + 1}: ${JSON.stringify(response.body)}`).toBe(202)
    }
    // Either process refuses it: each counted only half of the bookings itself.
    for (const server of servers) {
      const response = await fetch(`${server.url}/public/v1/offices/${KITAKYUSHU}/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(selfServiceBody(edition, starts.at(-1)!)),
      })
      const body = await response.json()
      expect(response.status, JSON.stringify(body)).toBe(429)
      expect(body.errors[0].code).toBe('rate_limited')
      const retryAfter = Number(response.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(HOUR_S)
    }
  }, 240_000)
})
