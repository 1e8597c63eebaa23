import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adminText } from '../../src/admin/shared/text'
import { tokyoToday } from '../../src/lib/tokyoTime'
import { ruleMessageTexts } from '../../src/rules/booking/messages'
import {
  allEligible,
  at,
  bookableDates,
  KITAKYUSHU,
  kitakyushuPolicy,
} from '../integration/booking/support'
import { startAdminTestServer, type AdminTestServer } from './support/adminServer'
import { launchBrowser, openAdminAs } from './support/browser'

// Kana, kanji and full-width forms.
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/

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

const en = adminText('en')
const ja = adminText('ja')

describe('the admin in English', () => {
  it('the bookings day view, its nav link and a refused save follow the language switch', async () => {
    // The browser asks for Japanese; only the admin's own language setting (the cookie that
    // Payload's language switch sets) makes it English.
    const session = await openAdminAs(browser, server.url, 'kitakyushu-staff@demo.test')
    const { page } = session
    const setLanguage = (value: string) =>
      page.context().addCookies([{ name: 'payload-lng', value, url: server.url }])
    try {
      await setLanguage('en')
      await page.goto(`/admin/bookings-day?date=${tokyoToday()}&days=1`)
      await page.waitForLoadState('networkidle')
      const header = page.locator('.kiyaku-day .kiyaku-view-header')
      // Literal, so that a table that lost its English cannot agree with itself.
      await expect.poll(() => page.locator('.kiyaku-day h1').innerText()).toBe('Bookings by day')
      expect(en.day.title).toBe('Bookings by day')
      expect(await header.locator('p').innerText()).toContain(en.day.description)
      const headerText = await header.innerText()
      expect(headerText).toContain(en.print.open)
      expect(headerText).toContain(en.day.range)
      // Only the office's own name (data, not our words) may be Japanese.
      expect(headerText.replace(/\(([^)]*)\)/g, '')).not.toMatch(JAPANESE)
      expect(await page.locator('.kiyaku-export summary').innerText()).toBe(en.export.heading)
      expect(await page.locator('#nav-bookings-day').innerText()).toBe(en.nav.bookingsDay)
      expect(await page.getByRole('heading', { name: en.search.heading }).count()).toBe(1)

      // A save the rules refuse, from this session: English, whatever the browser's language.
      // 12:30 falls between 北九州's two windows: outside_hours.
      const booking = {
        office: (
          await server.payload.find({
            collection: 'offices',
            where: { slug: { equals: KITAKYUSHU } },
          })
        ).docs[0]!.id,
        slotStart: at(bookableDates(kitakyushuPolicy, 2)[1]!, '12:30'),
        channel: 'staff-scheduled',
        meetingUrl: 'https://zoom.example/j/42',
        applicant: {
          name: '佐藤 一郎',
          email: 'sato@example.test',
          phone: '093-000-1111',
          jobSeekerNumber: '40010-123456',
          desiredDateTime: '平日午前',
        },
        consent: { shownVia: 'phone' },
        eligibility: allEligible(kitakyushuPolicy),
      }
      // Sent by the page itself, as the admin sends its saves (same origin, the session cookie).
      const refused = await page.evaluate(async (data) => {
        const response = await fetch('/api/bookings', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(data),
          credentials: 'include',
        })
        return { status: response.status, body: await response.text() }
      }, booking)
      const body = JSON.parse(refused.body) as {
        errors: { message: string; data: { code: string } }[]
      }
      expect(refused.status, refused.body).toBe(422)
      expect(body.errors[0]!.data.code).toBe('outside_hours')
      expect(body.errors[0]!.message).toBe(ruleMessageTexts.outside_hours.en)

      // Switched back, the same view is in Japanese again.
      await setLanguage('ja')
      await page.goto(`/admin/bookings-day?date=${tokyoToday()}&days=1`)
      await page.waitForLoadState('networkidle')
      await expect.poll(() => page.locator('.kiyaku-day h1').innerText()).toBe('日別の予約')
      expect(ja.day.title).toBe('日別の予約')
      expect(await page.locator('#nav-bookings-day').innerText()).toBe(ja.nav.bookingsDay)
    } finally {
      await session.close()
    }
  })
})
