import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startAdminTestServer, type AdminTestServer } from './support/adminServer'
import { launchBrowser, openAdminAs } from './support/browser'
import { seriousAxeViolations } from './support/axe'

let server: AdminTestServer
let browser: Browser

beforeAll(async () => {
  server = await startAdminTestServer()
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('accessibility (axe-core: no serious or critical violation)', () => {
  it('login page', async () => {
    const session = await openAdminAs(browser, server.url)
    await session.page.goto('/admin/login')
    await session.page.locator('#field-email').waitFor()
    expect(await seriousAxeViolations(session.page)).toEqual([])
    expect(session.outsideRequests).toEqual([])
    await session.close()
  })

  it('reservation policy form (office admin)', async () => {
    const session = await openAdminAs(browser, server.url, 'isesaki-admin@demo.test')
    const { docs } = await server.payload.find({
      collection: 'reservation-policies',
      limit: 1,
      depth: 0,
      sort: 'effectiveFrom',
    })
    await session.page.goto(`/admin/collections/reservation-policies/${docs[0]!.id}`)
    await session.page.waitForLoadState('networkidle')
    await session.page.locator('#field-windows__0__start').waitFor()
    expect(await seriousAxeViolations(session.page)).toEqual([])
    expect(session.outsideRequests).toEqual([])
    await session.close()
  })

  it('public terms page', async () => {
    const session = await openAdminAs(browser, server.url, undefined, { bypassCSP: true })
    const response = await session.page.goto('/public/v1/offices/isesaki/terms?format=html')
    expect(response?.status()).toBe(200)
    expect(await seriousAxeViolations(session.page)).toEqual([])
    await session.close()
  })
})
