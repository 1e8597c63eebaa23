import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import {
  at,
  bookableDates,
  KITAKYUSHU,
  kitakyushuPolicy,
  selfServiceBody,
} from '../integration/booking/support'
import { spawnListeningServer, type ServerProcess } from '../support/process'
import { bearer, login } from '../support/server'

const SERVER_ENV = {
  NODE_ENV: 'test',
  KIYAKU_PUBLIC_RATE_LIMIT: '1000000',
  KIYAKU_JOBS_AUTORUN: 'false',
}

/** `npm run backup` / `npm run restore` as their own processes, on the data directory given. */
function runCli(
  script: 'backup' | 'restore',
  file: string,
  dataDir: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, file], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', KIYAKU_DATA_DIR: dataDir },
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

interface Answer {
  status: number
  reference?: string
  errors?: unknown
  answeredAt: number
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
  expect(response.status).toBe(200)
  return ((await response.json()) as { docs: BookingRow[] }).docs
}

async function editionsOf(base: string): Promise<unknown> {
  const response = await fetch(`${base}/public/v1/offices/${KITAKYUSHU}/terms/editions`)
  expect(response.status).toBe(200)
  return response.json()
}

describe('backup during a booking load, restore into a fresh directory', () => {
  const dirs: string[] = []
  const tempDir = (label: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `kiyaku-${label}-`))
    dirs.push(dir)
    return dir
  }
  const servers: ServerProcess[] = []
  afterAll(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM')
      await server.exit
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every booking answered before the backup, no slot over capacity, the same editions', async () => {
    const originalDir = tempDir('original')
    const original = await spawnListeningServer(originalDir, SERVER_ENV)
    servers.push(original)
    const base = original.url
    const terms = (await (await fetch(`${base}/public/v1/offices/${KITAKYUSHU}/terms`)).json()) as {
      edition: { number: number }
    }
    const editionsBefore = await editionsOf(base)
    // Ten slots a day over three days, each with one seat; repeats make some attempts slot_full.
    const slots = bookableDates(kitakyushuPolicy, 3).flatMap((date) =>
      [
        '10:00',
        '10:30',
        '11:00',
        '11:30',
        '13:00',
        '13:30',
        '14:00',
        '14:30',
        '15:00',
        '15:30',
      ].map((time) => at(date, time)),
    )

    const answers: Answer[] = []
    let stop = false
    let issued = 0
    const client = async () => {
      while (!stop) {
        const index = issued++
        const slotStart = slots[index % slots.length]!
        const response = await fetch(`${base}/public/v1/offices/${KITAKYUSHU}/bookings`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            // One address per attempt: the 30-an-hour limit per address is not under test here.
            'x-forwarded-for': `10.20.${Math.floor(index / 250)}.${index % 250}`,
          },
          body: JSON.stringify(selfServiceBody(terms.edition.number, slotStart)),
        })
        const body = (await response.json()) as {
          booking?: { reference: string }
          errors?: unknown
        }
        answers.push({
          status: response.status,
          reference: body.booking?.reference,
          errors: body.errors,
          answeredAt: Date.now(),
        })
      }
    }
    const load = Promise.all([client(), client(), client()])

    // Some bookings first, then the backup while the load goes on.
    const waitUntil = Date.now() + 60_000
    while (answers.filter((answer) => answer.status === 202).length < 8) {
      if (Date.now() > waitUntil) {
        stop = true
        await load
        throw new Error(`no bookings made: ${JSON.stringify(answers.slice(0, 5))}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const backupDir = tempDir('backups')
    const backupFile = path.join(backupDir, 'kiyaku-backup.sqlite')
    const backupStartedAt = Date.now()
    const backup = await runCli('backup', backupFile, originalDir)
    const answeredDuringBackup = answers.filter((answer) => answer.answeredAt > backupStartedAt)
    stop = true
    await load
    expect(backup.code, backup.output).toBe(0)
    // The server kept serving while the copy was made.
    expect(answeredDuringBackup.length).toBeGreaterThan(0)
    for (const answer of answers) expect([202, 409]).toContain(answer.status)

    // Refused while the server runs on the file; a copy that is not a database is refused first.
    const onRunning = await runCli('restore', backupFile, originalDir)
    expect(onRunning.code).toBe(1)
    expect(onRunning.output).toContain('server is running')
    const notADatabase = path.join(backupDir, 'not-a-database.sqlite')
    writeFileSync(notADatabase, 'not a database')
    const freshDir = tempDir('restored')
    const refused = await runCli('restore', notADatabase, freshDir)
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('not a SQLite database')

    const restored = await runCli('restore', backupFile, freshDir)
    expect(restored.code, restored.output).toBe(0)
    const server = await spawnListeningServer(freshDir, SERVER_ENV)
    servers.push(server)
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)

    const rows = await allBookings(server.url)
    const stored = new Set(rows.map((row) => row.reference))
    const acknowledgedBefore = answers.filter(
      (answer) => answer.status === 202 && answer.answeredAt < backupStartedAt,
    )
    expect(acknowledgedBefore.length).toBeGreaterThanOrEqual(8)
    for (const answer of acknowledgedBefore) {
      expect(stored.has(answer.reference!), `booking ${answer.reference} in the backup`).toBe(true)
    }
    const activeBySlot = new Map<string, number>()
    for (const row of rows) {
      if (row.status !== 'pending_confirmation' && row.status !== 'confirmed') continue
      const key = new Date(row.slotStart).toISOString()
      activeBySlot.set(key, (activeBySlot.get(key) ?? 0) + 1)
    }
    for (const [slot, count] of activeBySlot) {
      expect(count, `active bookings at ${slot}`).toBeLessThanOrEqual(
        kitakyushuPolicy.capacityPerSlot,
      )
    }
    expect(await editionsOf(server.url)).toEqual(editionsBefore)
  }, 240_000)
})
