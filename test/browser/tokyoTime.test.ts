import { DateTime } from 'luxon'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { addDays, formatTokyoDateTime, tokyoToday } from '../../src/lib/tokyoTime'
import { bearer, login } from '../support/server'
import { startAdminTestServer, type AdminTestServer } from './support/adminServer'
import { launchBrowser, openAdminAs } from './support/browser'
import { nextOrdinaryWorkday } from './support/workdays'

const LOS_ANGELES = 'America/Los_Angeles'

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

/** An instant as Payload's own components write it for a browser in Los Angeles. */
function losAngelesText(instant: string): string {
  return DateTime.fromISO(instant, { zone: LOS_ANGELES }).toFormat('yyyy/MM/dd HH:mm')
}

async function storedSlotStart(id: number | string): Promise<string> {
  const booking = await server.payload.findByID({ collection: 'bookings', id, depth: 0 })
  return booking.slotStart
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: '保存', exact: true }).click()
}

describe('the edit view shows and takes Tokyo time whatever the browser’s zone', () => {
  it('writes created and last modified in Tokyo with JST, and the date picker shows and stores Tokyo time', async () => {
    const day = nextOrdinaryWorkday(addDays(tokyoToday(), 2))
    const token = await login(server.url, 'isesaki-staff@demo.test')
    const { docs: offices } = await server.payload.find({
      collection: 'offices',
      where: { slug: { equals: 'isesaki' } },
      limit: 1,
    })
    const create = await fetch(`${server.url}/api/bookings`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({
        office: offices[0]!.id,
        slotStart: `${day}T10:00:00+09:00`,
        channel: 'staff-scheduled',
        tool: 'zoom',
        meetingUrl: 'https://zoom.example/j/7654321',
        eligibility: { registered: true, 'video-device': true },
        consent: { shownVia: 'phone' },
        applicant: {
          name: '時差 確認',
          email: 'jisa@example.jp',
          phone: '090-2345-6789',
          jobSeekerNumber: '10010-345678',
          desiredDateTime: `${day} 午前`,
        },
      }),
    })
    expect(create.status, await create.clone().text()).toBe(201)
    const { doc } = (await create.json()) as {
      doc: { id: number | string; createdAt: string; updatedAt: string }
    }

    const session = await openAdminAs(browser, server.url, 'isesaki-staff@demo.test', {
      timezoneId: LOS_ANGELES,
    })
    try {
      const { page } = session
      await page.goto(`/admin/collections/bookings/${doc.id}`)
      const slotStart = page.locator('#field-slotStart input').first()
      await slotStart.waitFor({ timeout: 90_000 })

      // (a) The meta line: Tokyo with JST, and Payload's browser-zone line is not shown.
      const meta = page.locator('.doc-controls__meta')
      await expect
        .poll(() => meta.innerText(), { timeout: 30_000 })
        .toContain(formatTokyoDateTime(doc.createdAt))
      const metaText = await meta.innerText()
      expect(metaText).toContain(formatTokyoDateTime(doc.updatedAt))
      expect(metaText).not.toContain(losAngelesText(doc.createdAt))

      // (b) The picker shows the stored 10:00 JST as 10:00, not as Los Angeles' 17:00 or 18:00.
      const dayText = day.replaceAll('-', '/')
      expect(await slotStart.inputValue()).toBe(`${dayText} 10:00`)
      expect(await page.locator('#field-slotStart').innerText()).toContain('JST')

      // Typed in Los Angeles, 11:00 means 11:00 in Tokyo.
      await slotStart.fill(`${dayText} 11:00`)
      await slotStart.press('Enter')
      await save(page)
      await expect
        .poll(() => storedSlotStart(doc.id), { timeout: 30_000 })
        .toBe(new Date(`${day}T11:00:00+09:00`).toISOString())

      // Picked from the picker's time list in Los Angeles, 14:30 means 14:30 in Tokyo.
      await page.reload()
      await slotStart.waitFor({ timeout: 90_000 })
      expect(await slotStart.inputValue()).toBe(`${dayText} 11:00`)
      await slotStart.click()
      await page
        .locator('.react-datepicker__time-list-item', { hasText: /^14:30$/ })
        .first()
        .click()
      expect(await slotStart.inputValue()).toBe(`${dayText} 14:30`)
      await save(page)
      await expect
        .poll(() => storedSlotStart(doc.id), { timeout: 30_000 })
        .toBe(new Date(`${day}T14:30:00+09:00`).toISOString())
      expect(session.outsideRequests, 'requests to outside hosts').toEqual([])
    } finally {
      await session.close()
    }
  }, 300_000)

  it('has no version history to show: no collection keeps versions', () => {
    // Version views format dates in the browser's zone; enabling versions needs Tokyo time there.
    const versioned = server.payload.config.collections
      .filter((collection) => collection.versions)
      .map((collection) => collection.slug)
    expect(versioned).toEqual([])
  })
})
