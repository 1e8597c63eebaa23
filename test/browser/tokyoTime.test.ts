import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatTokyoDateTime } from '../../src/lib/tokyoTime'
import { startAdminTestServer, type AdminTestServer } from './support/adminServer'
import { launchBrowser, openAdminAs } from './support/browser'

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

describe('the admin shows Tokyo time whatever the browser’s zone', () => {
  it('writes a list’s date column in Tokyo with JST for a browser in Los Angeles', async () => {
    // 15:30 UTC is 00:30 the next day in Tokyo and 07:30 the same day in Los Angeles.
    const entry = await server.payload.create({
      collection: 'audit-log',
      data: {
        at: '2026-03-04T15:30:00.000Z',
        action: 'tokyo-time-check',
        collectionSlug: 'offices',
        documentId: 'tokyo-time-check',
      },
    })
    const session = await openAdminAs(browser, server.url, 'hq@demo.test', {
      timezoneId: 'America/Los_Angeles',
    })
    try {
      const { page } = session
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
        'America/Los_Angeles',
      )
      await page.goto('/admin/collections/audit-log?limit=100')
      // The date is the linked first column: the link to the entry carries Tokyo time.
      const link = page.locator(`a[href="/admin/collections/audit-log/${entry.id}"]`).first()
      await link.waitFor({ timeout: 90_000 })
      const text = (await link.innerText()).trim()
      expect(text).toBe('2026/03/05 00:30 JST')
      const rowText = await page.locator('tr', { has: link }).innerText()
      expect(rowText).not.toContain('07:30')
      expect(session.outsideRequests, 'requests to outside hosts').toEqual([])
    } finally {
      await session.close()
    }
  }, 300_000)

  it('writes createdAt and updatedAt columns in Tokyo with JST too', async () => {
    const entry = await server.payload.create({
      collection: 'audit-log',
      data: {
        at: '2026-03-04T15:30:00.000Z',
        action: 'tokyo-timestamps-check',
        collectionSlug: 'offices',
        documentId: 'tokyo-timestamps-check',
      },
    })
    const session = await openAdminAs(browser, server.url, 'hq@demo.test', {
      timezoneId: 'America/Los_Angeles',
    })
    try {
      const { page } = session
      const columns = encodeURIComponent(JSON.stringify(['action', 'createdAt', 'updatedAt']))
      await page.goto(`/admin/collections/audit-log?limit=100&columns=${columns}`)
      const link = page.locator(`a[href="/admin/collections/audit-log/${entry.id}"]`).first()
      await link.waitFor({ timeout: 90_000 })
      const cells = await page.locator('tr', { has: link }).locator('td').allInnerTexts()
      const created = formatTokyoDateTime(entry.createdAt)
      const updated = formatTokyoDateTime(entry.updatedAt)
      expect(cells.map((cell) => cell.trim())).toEqual(
        expect.arrayContaining(['tokyo-timestamps-check', created, updated]),
      )
      expect(session.outsideRequests, 'requests to outside hosts').toEqual([])
    } finally {
      await session.close()
    }
  }, 300_000)
})
