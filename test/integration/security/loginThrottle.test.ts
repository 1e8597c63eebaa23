import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { spawnListeningServer, type ServerProcess } from '../../support/process'
import { DEMO_PASSWORD } from '../../support/server'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// Two server processes on one database: every limit must hold across them.
let dataDir: string
let first: ServerProcess
let second: ServerProcess

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-login-'))
  // Schema pushed, as the other test servers do; the second process finds it in place.
  const env = { KIYAKU_DB_PUSH: 'true', NODE_ENV: 'test' }
  first = await spawnListeningServer(dataDir, env)
  second = await spawnListeningServer(dataDir, { ...env, KIYAKU_JOBS_AUTORUN: 'false' })
})

afterAll(async () => {
  for (const server of [first, second]) {
    if (!server) continue
    server.child.kill('SIGTERM')
    await server.exit
  }
  rmSync(dataDir, { recursive: true, force: true })
})

/** The servers believe X-Forwarded-For from loopback (TRUST_PROXY's default): one per client. */
function post(server: ServerProcess, route: string, address: string, body: unknown) {
  return fetch(`${server.url}/api/users/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  })
}

describe('sign-in limits', () => {
  it('ten wrong passwords from one address get 429 with Retry-After, across processes; the owner elsewhere still signs in', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) {
      const server = i % 2 === 0 ? first : second
      const response = await post(server, 'login', '203.0.113.10', {
        email: 'hq@demo.test',
        password: `wrong-${i}`,
      })
      statuses.push(response.status)
      if (i === 10) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
        expect(((await response.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe(
          'rate_limited',
        )
      }
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true)
    expect(statuses[10]).toBe(429)

    // The stranger locked only themself out of this account: the owner, from another address,
    // signs in at once, and so does the stranger's address into another account.
    const owner = await post(second, 'login', '198.51.100.7', {
      email: 'hq@demo.test',
      password: DEMO_PASSWORD,
    })
    expect(owner.status).toBe(200)
    const elsewhere = await post(first, 'login', '203.0.113.10', {
      email: 'isesaki-staff@demo.test',
      password: DEMO_PASSWORD,
    })
    expect(elsewhere.status).toBe(200)
  })

  it('one address cannot try a password against every account', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const server = i % 2 === 0 ? first : second
      const response = await post(server, 'login', '203.0.113.20', {
        email: `someone-${i}@example.test`,
        password: 'Password1!',
      })
      statuses.push(response.status)
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true)
    expect(statuses[30]).toBe(429)
  })

  it('the limits hold for the spellings Payload also routes: a trailing slash, other letter case', async () => {
    const routes = ['login/', 'LOGIN', 'Login/']
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) {
      const response = await post(i % 2 === 0 ? first : second, routes[i % 3]!, '203.0.113.40', {
        email: 'kitakyushu-admin@demo.test',
        password: `wrong-${i}`,
      })
      statuses.push(response.status)
    }
    // Each spelling reaches Payload's login (401), and together they meet the same limit.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses[10]).toBe(429)
  })

  it('forgot-password and unlock count against the same per-address limit', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const route = i % 2 === 0 ? 'forgot-password' : 'unlock'
      const response = await post(i % 2 === 0 ? first : second, route, '203.0.113.30', {
        email: `someone-${i}@example.test`,
      })
      statuses.push(response.status)
    }
    expect(statuses[30]).toBe(429)
  })

  it('reset requests and wrong passwords share one allowance per address (by design: one limit, not three)', async () => {
    const address = '203.0.113.50'
    for (let i = 0; i < 30; i++) {
      const response = await post(i % 2 === 0 ? first : second, 'forgot-password', address, {
        email: `reset-${i}@example.test`,
      })
      expect(response.status).toBe(200)
    }
    const guess = await post(first, 'login', address, {
      email: 'isesaki-admin@demo.test',
      password: 'wrong-after-resets',
    })
    expect(guess.status).toBe(429)
    expect(Number(guess.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('GraphQL offers no way around the limits', async () => {
    const response = await fetch(`${first.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { loginUser(email: "hq@demo.test", password: "x") { token } }',
      }),
    })
    expect(response.status).toBe(400)
  })
})
