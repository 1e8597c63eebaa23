import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { claimJobRun } from '../../../src/jobs/claimJobRun'
import { isDatabaseUp } from '../../../src/server/app'
import { readinessCheck } from '../../../src/server/operations'
import { jobLagReader, MIN_JOB_LAG_BOUND_MS } from '../../../src/services/metrics/jobMetrics'
import { startTestServer, type TestServer } from '../../support/server'

describe('/readyz', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ migrations: true, seed: false })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('is 200 with the database up and every migration applied; /metrics is not served without a token', async () => {
    const response = await fetch(`${server.url}/readyz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ready', migrations: 'applied' })
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  // Committed migrations are SQLite's; on MongoDB the adapter builds its indexes instead.
  it.skipIf(Boolean(process.env.DATABASE_URL?.startsWith('mongodb')))(
    'is 503 when a committed migration is not recorded in the database',
    async () => {
      const { payload, env } = server
      const { docs } = await payload.db.find<{ name: string }>({
        collection: 'payload-migrations',
        sort: '-name',
        limit: 1,
        pagination: false,
      })
      const last = docs[0]!.name
      await payload.db.deleteMany({
        collection: 'payload-migrations',
        where: { name: { equals: last } },
      })
      const check = readinessCheck({ payload, env, isDatabaseUp })
      expect(await check()).toMatchObject({ ready: false, migrations: 'pending' })
    },
  )

  it('is 503 while a job has not run for longer than its bound, and ready again once it runs', async () => {
    const { payload, env } = server
    const task = 'markNoShows'
    let now = new Date()
    const jobLags = jobLagReader(payload, {
      cron: '* * * * *',
      since: new Date(now.getTime() - MIN_JOB_LAG_BOUND_MS - 60_000),
      now: () => now,
    })
    const pushEnv = { ...env, pushSchema: true }
    const check = readinessCheck({ payload, env: pushEnv, isDatabaseUp, jobLags })
    const stalled = await check()
    expect(stalled.ready).toBe(false)
    expect(stalled.jobs.find((job) => job.task === task)).toMatchObject({ stalled: true })

    await claimJobRun(payload, task, { id: 'lag-test', waitUntil: new Date() })
    await claimJobRun(payload, 'expireUnconfirmedBookings', {
      id: 'lag-test',
      waitUntil: new Date(),
    })
    await claimJobRun(payload, 'eraseExpiredApplicants', { id: 'lag-test', waitUntil: new Date() })
    now = new Date(Date.now() + 5_000) // past the reader's 2 s cache
    const recovered = await check()
    expect(recovered.jobs.map((job) => job.stalled)).toEqual([false, false, false])
    expect(recovered.ready).toBe(true)
  })
})
