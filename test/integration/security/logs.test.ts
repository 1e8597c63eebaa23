import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { spawnListeningServer, type ServerProcess } from '../../support/process'
import { allEligible, at, bookableDates, kitakyushuPolicy } from '../booking/support'

// The demo server as `npm start` runs it (schema pushed here), no SMTP_URL: mail goes to the log.
let dataDir: string
let server: ServerProcess

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-logs-'))
  server = await spawnListeningServer(dataDir, {
    KIYAKU_JOBS_AUTORUN: 'false',
    KIYAKU_DB_PUSH: 'true',
    NODE_ENV: 'test',
  })
})

afterAll(async () => {
  server?.child.kill('SIGTERM')
  await server?.exit
  rmSync(dataDir, { recursive: true, force: true })
})

describe('log lines', () => {
  it('carry no applicant data and no link token through a booking, its mail and a wrong token', async () => {
    const base = `${server.url}/public/v1`
    const terms = (await (await fetch(`${base}/offices/kitakyushu-mothers/terms`)).json()) as {
      edition: { number: number }
    }
    const person = {
      name: 'ログ 秘子',
      email: 'log.secret@applicant.test',
      phone: '090-7777-0303',
      jobSeekerNumber: '13010-7770303',
    }
    const created = await fetch(`${base}/offices/kitakyushu-mothers/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        slotStart: at(bookableDates(kitakyushuPolicy, 1)[0]!, '15:00'),
        applicant: person,
        consent: { termsEdition: terms.edition.number, agreed: true },
        eligibility: allEligible(kitakyushuPolicy),
      }),
    })
    expect(created.status).toBe(202)
    const wrongToken = 'A'.repeat(43)
    await fetch(`${base}/bookings/confirm?token=${wrongToken}`)
    // The mail is written after the answer: wait for its line, however busy the machine is.
    const deadline = Date.now() + 60_000
    while (!server.output().includes('mail (not sent: SMTP_URL is unset)')) {
      if (Date.now() > deadline) throw new Error('the mail log line never came')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }

    const log = server.output()
    for (const value of [
      person.name,
      person.email,
      person.phone,
      '09077770303',
      person.jobSeekerNumber,
      wrongToken,
    ]) {
      expect(log).not.toContain(value)
    }
    expect(log).not.toMatch(/token=/)
  })
})
