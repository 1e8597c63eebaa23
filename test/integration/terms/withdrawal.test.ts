import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PENDING_CHANGE_DAYS_AHEAD } from '../../../src/seed/seedTerms'
import { startTestServer, type TestServer } from '../../support/server'
import { addDays, Api, errorCode, ISESAKI_ADMIN, officeIdOf, tokyoToday } from './support'

const BASE = '/public/v1/offices/isesaki'

describe('an announced change is withdrawn before it takes effect', () => {
  let server: TestServer
  let api: Api
  let pending: { id: number | string; number: number; effectiveFrom: string }

  beforeAll(async () => {
    server = await startTestServer()
    api = new Api(server)
    const isesaki = await officeIdOf(server.payload, 'isesaki')
    const { docs } = await server.payload.find({
      collection: 'terms-editions',
      where: { office: { equals: isesaki }, status: { equals: 'published' } },
      sort: '-effectiveFrom',
      limit: 1,
    })
    pending = docs[0]!
    expect(pending.effectiveFrom).toBe(addDays(tokyoToday(), DEMO_PENDING_CHANGE_DAYS_AHEAD))
  })
  afterAll(async () => {
    await server?.close()
  })

  it('refuses a withdrawal without a reason, and of an edition already in force', async () => {
    const noReason = await api.request('POST', `/api/terms-editions/${pending.id}/withdraw`, {
      as: ISESAKI_ADMIN,
      body: {},
    })
    expect(noReason.status).toBe(422)
    expect(errorCode(noReason.body)).toBe('reasons_required')
    const inForce = await api.request('GET', `${BASE}/terms`)
    const { docs } = await server.payload.find({
      collection: 'terms-editions',
      where: {
        number: { equals: inForce.body.edition.number },
        office: { equals: await officeIdOf(server.payload, 'isesaki') },
      },
    })
    const late = await api.request('POST', `/api/terms-editions/${docs[0]!.id}/withdraw`, {
      as: ISESAKI_ADMIN,
      body: { reason: '取りやめ' },
    })
    expect(late.status).toBe(409)
    expect(errorCode(late.body)).toBe('withdrawal_too_late')
  })

  it('writes nothing when the withdrawal notice cannot be written', async (ctx) => {
    // A real write failure: the database refuses the notice row (SQLite trigger).
    const db = server.payload.db as unknown as {
      name?: string
      client?: { execute: (sql: string) => Promise<unknown> }
    }
    if (db.name !== 'sqlite' || !db.client) ctx.skip()
    await db.client!.execute(
      "CREATE TRIGGER refuse_notice BEFORE INSERT ON change_notices BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;",
    )
    let failed: Awaited<ReturnType<Api['request']>>
    try {
      failed = await api.request('POST', `/api/terms-editions/${pending.id}/withdraw`, {
        as: ISESAKI_ADMIN,
        body: { reason: '取りやめの理由' },
      })
    } finally {
      await db.client!.execute('DROP TRIGGER refuse_notice;')
    }
    expect(failed.status).toBeGreaterThanOrEqual(500)
    const edition = await server.payload.findByID({ collection: 'terms-editions', id: pending.id })
    expect(edition.status).toBe('published')
    const withdrawals = await server.payload.find({
      collection: 'change-notices',
      where: { kind: { equals: 'withdrawal' } },
    })
    expect(withdrawals.docs).toEqual([])
    const terms = await api.request('GET', `${BASE}/terms`)
    expect(terms.body.upcoming).toMatchObject({ number: pending.number })
  })

  it('withdraws it with a withdrawal notice of its own in the feed', async () => {
    const before = await api.request('GET', `${BASE}/terms`)
    expect(before.body.upcoming).toMatchObject({ number: pending.number })
    const withdrawn = await api.request('POST', `/api/terms-editions/${pending.id}/withdraw`, {
      as: ISESAKI_ADMIN,
      body: { reason: 'システムの保守の方法を見直し、停止の定めは不要になったためです。' },
    })
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200)

    const after = await api.request('GET', `${BASE}/terms`)
    expect(after.body.upcoming).toBeNull()
    const onTheDay = await api.request('GET', `${BASE}/terms?at=${pending.effectiveFrom}`)
    expect(onTheDay.body.edition.number).toBe(before.body.edition.number)

    const notices = await api.request('GET', `${BASE}/notices`)
    const latest = notices.body.notices[0]
    expect(latest).toMatchObject({ kind: 'withdrawal', edition: { number: pending.number } })
    expect(latest.statement).toContain('行いません')
    expect(latest.reasons).toContain('停止の定めは不要')
    const atom = await api.request('GET', `${BASE}/notices.atom`)
    expect(atom.text).toContain('取りやめ')

    // Withdrawn is final: it cannot be published again or withdrawn twice.
    const again = await api.request('POST', `/api/terms-editions/${pending.id}/withdraw`, {
      as: ISESAKI_ADMIN,
      body: { reason: 'x' },
    })
    expect(errorCode(again.body)).toBe('withdrawal_not_announced')
    const patch = await api.request('PATCH', `/api/terms-editions/${pending.id}`, {
      as: ISESAKI_ADMIN,
      body: { status: 'published' },
    })
    expect(patch.status).toBe(403)
  })
})
