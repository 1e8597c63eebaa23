import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { tokyoToday } from '../../src/lib/tokyoTime'
import { seriousAxeViolations } from './support/axe'
import { startAdminTestServer, type AdminTestServer } from './support/adminServer'
import { launchBrowser, openAdminAs } from './support/browser'

/** Far from Tokyo: every time these screens show must still be Tokyo time. */
const BROWSER_ZONE = 'America/Los_Angeles'

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

/** The day view with its search and export, the print view, the usage dashboard, the policy form's grid and calendar. */
describe('accessibility of the work screens (axe-core: no serious or critical violation)', () => {
  const pages: { name: string; email: string; path: () => Promise<string>; ready: string }[] = [
    {
      name: 'day view with search and export (staff)',
      email: 'isesaki-staff@demo.test',
      path: async () => `/admin/bookings-day?date=${tokyoToday()}&days=3`,
      ready: '.kiyaku-search',
    },
    {
      name: 'print view (staff)',
      email: 'isesaki-staff@demo.test',
      path: async () => `/admin/bookings-print?date=${tokyoToday()}&days=1`,
      ready: '.kiyaku-print__day',
    },
    {
      name: 'usage dashboard (HQ)',
      email: 'hq@demo.test',
      path: async () => '/admin/usage',
      ready: '.kiyaku-usage__figures',
    },
    {
      name: 'policy form: hours grid and closed-days calendar (office admin)',
      email: 'isesaki-admin@demo.test',
      path: async () => {
        const { docs } = await server.payload.find({
          collection: 'reservation-policies',
          where: { 'office.slug': { equals: 'isesaki' } },
          limit: 1,
          depth: 0,
        })
        return `/admin/collections/reservation-policies/${docs[0]!.id}`
      },
      ready: '.kiyaku-calendar__month',
    },
  ]

  for (const screen of pages) {
    it(
      screen.name,
      async () => {
        const session = await openAdminAs(browser, server.url, screen.email, {
          timezoneId: BROWSER_ZONE,
        })
        try {
          await session.page.goto(await screen.path())
          await session.page.waitForLoadState('networkidle')
          await session.page.locator(screen.ready).first().waitFor()
          expect(await seriousAxeViolations(session.page)).toEqual([])
          expect(session.outsideRequests).toEqual([])
        } finally {
          await session.close()
        }
      },
      120_000,
    )
  }
})
