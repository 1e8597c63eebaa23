import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { spawnListeningServer } from '../support/process'
import { bearer, login } from '../support/server'
import {
  at,
  bookableDates,
  KITAKYUSHU,
  kitakyushuPolicy,
  selfServiceBody,
  startBookingServer,
} from '../integration/booking/support'

/**
 * The large runs sit behind KIYAKU_RELIABILITY (CI sets it): 200 clients making 10,000 booking
 * attempts, and a kill -9 in the middle of a booking load.
 */
const large = process.env.KIYAKU_RELIABILITY === '1'

interface Outcome {
  status: number
  reference?: string
  slotStart: string
  /** When the answer (or the failure) arrived, in ms since the process started (performance.now). */
  at: number
}

/**
 * One booking attempt. `clientAddress` is sent as X-Forwarded-For (the server trusts it from
 * loopback), so a load of many applicants is not held to one address's booking limit.
 */
async function attempt(
  base: string,
  edition: number,
  slotStart: string,
  clientAddress?: string,
): Promise<Outcome> {
  try {
    const response = await fetch(`${base}/public/v1/offices/${KITAKYUSHU}/bookings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(clientAddress ? { 'x-forwarded-for': clientAddress } : {}),
      },
      body: JSON.stringify(selfServiceBody(edition, slotStart)),
    })
    const body = (await response.json()) as { booking?: { reference: string } }
    return {
      status: response.status,
      reference: body.booking?.reference,
      slotStart,
      at: performance.now(),
    }
  } catch {
    // The server died under us: the attempt has no answer.
    return { status: 0, slotStart, at: performance.now() }
  }
}

/** A distinct documentation-range address (198.18.0.0/15) per attempt. */
function addressOf(i: number): string {
  return `198.${18 + ((i >> 16) & 1)}.${(i >> 8) & 255}.${i & 255}`
}

/** Runs `clients` loops until `attempts` are made or `stop()` says so. */
async function load(options: {
  clients: number
  attempts: number
  next: (i: number) => Promise<Outcome>
  stop?: () => boolean
}): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  let issued = 0
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (issued < options.attempts && !options.stop?.()) {
        outcomes.push(await options.next(issued++))
      }
    }),
  )
  return outcomes
}

interface BookingRow {
  reference: string
  slotStart: string
  status: string
}

async function allBookings(base: string): Promise<BookingRow[]> {
  const token = await login(base, 'hq@demo.test')
  const response = await fetch(`${base}/api/bookings?limit=0&pagination=false&depth=0`, {
    headers: bearer(token),
  })
  return ((await response.json()) as { docs: BookingRow[] }).docs
}

function expectInvariants(
  outcomes: Outcome[],
  rows: BookingRow[],
  capacityOf: (slotStart: string) => number,
) {
  for (const outcome of outcomes) {
    if (outcome.status === 0) continue
    expect([202, 409, 422], `status ${outcome.status}`).toContain(outcome.status)
  }
  const stored = new Set(rows.map((row) => row.reference))
  for (const outcome of outcomes.filter((each) => each.status === 202)) {
    expect(
      stored.has(outcome.reference!),
      `booking ${outcome.reference} acknowledged and kept`,
    ).toBe(true)
  }
  const activeBySlot = new Map<string, number>()
  for (const row of rows) {
    if (row.status !== 'pending_confirmation' && row.status !== 'confirmed') continue
    const key = new Date(row.slotStart).toISOString()
    activeBySlot.set(key, (activeBySlot.get(key) ?? 0) + 1)
  }
  for (const [slot, count] of activeBySlot) {
    expect(count, `active bookings at ${slot}`).toBeLessThanOrEqual(capacityOf(slot))
  }
}

/** A copy of a document as new data: array rows keep their content but not their ids. */
function withoutRowIds(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(doc).map(([key, value]) => [
      key,
      Array.isArray(value)
        ? value.map((row) => {
            if (!row || typeof row !== 'object') return row
            const { id: _rowId, ...rest } = row as Record<string, unknown>
            return rest
          })
        : value,
    ]),
  )
}

describe.skipIf(!large)('under load', () => {
  it('200 clients, 10,000 attempts over slots of capacity 1 and 2: never over capacity', async () => {
    const ctx = await startBookingServer()
    try {
      const base = ctx.server.url
      const [oneSeatDay, twoSeatDay] = bookableDates(kitakyushuPolicy, 2)
      // Slots from twoSeatDay on have two seats: a policy effective that day says so.
      const hq = await login(base, 'hq@demo.test')
      const policies = await ctx.server.payload.find({
        collection: 'reservation-policies',
        where: { office: { equals: ctx.officeIds[KITAKYUSHU] } },
        sort: '-effectiveFrom',
        limit: 1,
        depth: 0,
      })
      const {
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        ...current
      } = policies.docs[0] as unknown as Record<string, unknown>
      const created = await fetch(`${base}/api/reservation-policies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(hq) },
        body: JSON.stringify({
          ...withoutRowIds(current),
          effectiveFrom: twoSeatDay,
          capacityPerSlot: 2,
        }),
      })
      expect(created.status).toBe(201)

      const slots = [
        at(oneSeatDay!, '10:00'),
        at(oneSeatDay!, '10:30'),
        at(twoSeatDay!, '10:00'),
        at(twoSeatDay!, '10:30'),
      ]
      const outcomes = await load({
        clients: 200,
        attempts: 10_000,
        next: (i) => attempt(base, ctx.editions[KITAKYUSHU]!, slots[i % slots.length]!),
      })
      expect(outcomes.filter((outcome) => outcome.status === 0)).toHaveLength(0)
      const rows = await allBookings(base)
      const twoSeatsFrom = new Date(at(twoSeatDay!, '00:00')).toISOString()
      expectInvariants(outcomes, rows, (slot) => (slot >= twoSeatsFrom ? 2 : 1))
      expect(outcomes.filter((outcome) => outcome.status === 202)).toHaveLength(1 + 1 + 2 + 2)
    } finally {
      await ctx.close()
    }
  }, 300_000)
})

describe.skipIf(!large)('a crash in the middle of a booking load', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-crash-'))
  let child: ChildProcess | undefined
  afterAll(() => {
    child?.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function startProcess(): Promise<{ url: string; process: ChildProcess }> {
    const server = await spawnListeningServer(dataDir, {
      NODE_ENV: 'test',
      KIYAKU_PUBLIC_RATE_LIMIT: '1000000',
      KIYAKU_JOBS_AUTORUN: 'false',
    })
    child = server.child
    return { url: server.url, process: server.child }
  }

  /** Three attempts race for each slot: one may win, the others get 409. */
  const RACERS_PER_SLOT = 3
  /**
   * The kill comes this long after the first acknowledged booking, or sooner when four fifths of
   * the attempts are made (so free slots are left whatever the machine's speed)...
   */
  const KILL_AFTER_FIRST_202_MS = 5_000
  /**
   * ...and some booking must have been acknowledged within this long before it. A 202 arrives
   * every few attempts while free slots remain, so only a server stalled for two whole seconds
   * misses this; the margin is for two busy cores.
   */
  const LAST_202_WITHIN_MS = 2_000

  it('keeps every acknowledged booking and never exceeds capacity after kill -9 and restart', async () => {
    const first = await startProcess()
    const terms = (await (
      await fetch(`${first.url}/public/v1/offices/${KITAKYUSHU}/terms`)
    ).json()) as {
      edition: { number: number }
    }
    const edition = terms.edition.number
    // Every open slot from the day after tomorrow (no lead time in the way), so that
    // acknowledged writes are still coming when the kill lands: it comes at the latest when a
    // fifth of the slots have not been tried.
    const [from] = bookableDates(kitakyushuPolicy, 1)
    const open = (await (
      await fetch(`${first.url}/public/v1/offices/${KITAKYUSHU}/slots?from=${from}`)
    ).json()) as { slots: { start: string }[] }
    const slots = open.slots.map((slot) => slot.start)
    expect(slots.length).toBeGreaterThanOrEqual(100)
    const attemptsBeforeKill = Math.floor(slots.length * RACERS_PER_SLOT * 0.8)

    let killed = false
    let killedAt = 0
    let firstAcknowledged = false
    const kill = () => {
      if (killed) return
      killed = true
      killedAt = performance.now()
      first.process.kill('SIGKILL')
    }
    let issued = 0
    const outcomes = await load({
      clients: 40,
      attempts: slots.length * RACERS_PER_SLOT,
      next: async (i) => {
        issued++
        if (issued >= attemptsBeforeKill) kill()
        const outcome = await attempt(
          first.url,
          edition,
          slots[Math.floor(i / RACERS_PER_SLOT)]!,
          addressOf(i),
        )
        if (outcome.status === 202 && !firstAcknowledged) {
          firstAcknowledged = true
          setTimeout(kill, KILL_AFTER_FIRST_202_MS)
        }
        return outcome
      },
      stop: () => killed,
    })
    expect(killed).toBe(true)

    const acknowledged = outcomes.filter((outcome) => outcome.status === 202)
    const lastAcknowledged = Math.max(...acknowledged.map((outcome) => outcome.at))
    expect(acknowledged.length).toBeGreaterThan(0)
    expect(
      killedAt - lastAcknowledged,
      `ms between the last 202 and the kill (${acknowledged.length} acknowledged)`,
    ).toBeLessThanOrEqual(LAST_202_WITHIN_MS)
    // Requests were in flight when the process died: they have no answer.
    expect(outcomes.filter((outcome) => outcome.status === 0).length).toBeGreaterThan(0)

    const second = await startProcess()
    const rows = await allBookings(second.url)
    expectInvariants(outcomes, rows, () => 1)
    second.process.kill('SIGTERM')
  }, 120_000)
})
