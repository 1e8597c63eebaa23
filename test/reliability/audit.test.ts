import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bearer, login, startTestServer, type TestServer } from '../support/server'

let server: TestServer
let hq: string

beforeAll(async () => {
  server = await startTestServer()
  hq = await login(server.url, 'hq@demo.test')
})
afterAll(async () => {
  await server?.close()
})

interface AuditEntry {
  action: string
  collectionSlug: string
  documentId: string
  actor: string
  at: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

async function auditFor(collection: string, id: number | string): Promise<AuditEntry[]> {
  const response = await fetch(
    `${server.url}/api/audit-log?where[collectionSlug][equals]=${collection}&where[documentId][equals]=${id}&sort=at&limit=100`,
    { headers: bearer(hq) },
  )
  expect(response.status).toBe(200)
  return ((await response.json()) as { docs: AuditEntry[] }).docs
}

describe('the audit trail', () => {
  it('records a policy change with its actor, time, before and after, readable by HQ only', async () => {
    const admin = await login(server.url, 'isesaki-admin@demo.test')
    const me = (await (
      await fetch(`${server.url}/api/users/me`, { headers: bearer(admin) })
    ).json()) as {
      user: { id: number | string }
    }
    const policies = (await (
      await fetch(`${server.url}/api/reservation-policies?limit=1&sort=-effectiveFrom`, {
        headers: bearer(admin),
      })
    ).json()) as { docs: { id: number | string; court: string }[] }
    const policy = policies.docs[0]!
    const response = await fetch(`${server.url}/api/reservation-policies/${policy.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...bearer(admin) },
      body: JSON.stringify({ noShowGraceMinutes: 15 }),
    })
    expect(response.status).toBe(200)

    const entries = await auditFor('reservation-policies', policy.id)
    const update = entries.find((entry) => entry.action.startsWith('reservation-policies.update'))
    expect(update).toBeDefined()
    expect(update!.actor).toBe(`users:${me.user.id}`)
    expect(Date.parse(update!.at)).toBeGreaterThan(Date.now() - 60_000)
    expect(update!.before?.noShowGraceMinutes).toBe(10)
    expect(update!.after?.noShowGraceMinutes).toBe(15)

    const asAdmin = await fetch(`${server.url}/api/audit-log`, { headers: bearer(admin) })
    expect(asAdmin.status).toBe(403)
  })

  it('records publishing: the seeded editions carry an audit entry', async () => {
    const editions = (await (
      await fetch(`${server.url}/api/terms-editions?where[status][equals]=published&limit=1`, {
        headers: bearer(hq),
      })
    ).json()) as { docs: { id: number | string }[] }
    const entries = await auditFor('terms-editions', editions.docs[0]!.id)
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.at(-1)!.after?.status).toBe('published')
  })

  it('keeps secrets out of the trail', async () => {
    const response = await fetch(`${server.url}/api/audit-log?limit=1000`, { headers: bearer(hq) })
    const text = await response.text()
    expect(text).not.toMatch(/"(hash|salt|confirmTokenHash|cancelTokenHash|seatLock)"/)
  })
})
