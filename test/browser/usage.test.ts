import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import holidayJp from '@holiday-jp/holiday_jp'

import { addDays, tokyoDayStart, tokyoToday } from '../../src/lib/tokyoTime'
import { withBookingContext } from '../../src/services/bookings/context'
import { startAdminTestServer, type AdminTestServer } from './support/adminServer'
import { launchBrowser, openAdminAs, type AdminSession } from './support/browser'
import { keepScreenshot } from './support/screenshots'

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

async function officeId(slug: string): Promise<number | string> {
  const { docs } = await server.payload.find({
    collection: 'offices',
    where: { slug: { equals: slug } },
    limit: 1,
  })
  if (!docs[0]) throw new Error(`no office ${slug}`)
  return docs[0].id
}

async function withSession<T>(
  email: string,
  run: (session: AdminSession) => Promise<T>,
): Promise<T> {
  const session = await openAdminAs(browser, server.url, email, { timezoneId: BROWSER_ZONE })
  try {
    return await run(session)
  } finally {
    expect(session.outsideRequests, 'requests to outside hosts').toEqual([])
    await session.close()
  }
}

async function waitForIdle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
}

async function bookingsBetween(slug: string | null, from: string, to: string): Promise<number> {
  const { totalDocs } = await server.payload.count({
    collection: 'bookings',
    where: {
      and: [
        ...(slug ? [{ office: { equals: await officeId(slug) } }] : []),
        { slotStart: { greater_than_equal: `${from}T00:00:00+09:00` } },
        { slotStart: { less_than: `${addDays(to, 1)}T00:00:00+09:00` } },
      ],
    },
  })
  return totalDocs
}

function openWeekday(from: string): string {
  let day = from
  for (;;) {
    const noon = new Date(tokyoDayStart(day).getTime() + 12 * 60 * 60 * 1000)
    const yearEnd = /-(12-(29|30|31)|01-0[1-3])$/.test(day)
    if (noon.getUTCDay() >= 1 && noon.getUTCDay() <= 5 && !holidayJp.isHoliday(noon) && !yearEnd)
      return day
    day = addDays(day, 1)
  }
}

describe('usage dashboard', () => {
  const from = addDays(tokyoToday(), -60)
  const to = addDays(tokyoToday(), 60)

  beforeAll(async () => {
    const day = openWeekday(addDays(tokyoToday(), 5))
    const book = async (slug: string, time: string, number: string) =>
      server.payload.create({
        collection: 'bookings',
        data: {
          office: await officeId(slug),
          slotStart: `${day}T${time}:00+09:00`,
          channel: 'staff-scheduled',
          tool: 'zoom',
          eligibility: { registered: true, 'video-device': true },
          applicant: {
            name: '集計 太郎',
            email: 'usage@example.jp',
            phone: '0270000000',
            jobSeekerNumber: number,
            desiredDateTime: day,
          },
        } as never,
        context: withBookingContext({ now: new Date().toISOString() }),
      })
    await book('isesaki', '10:00', '10010-300001')
    await book('isesaki', '10:30', '10010-300002')
    await book('isesaki', '11:00', '10010-300003')
    // Refused by a rule: before opening hours, once in each office, twice in isesaki.
    for (const [slug, number] of [
      ['isesaki', '10010-300004'],
      ['isesaki', '10010-300005'],
      ['kitakyushu-mothers', '10010-300006'],
    ] as const)
      await expect(book(slug, '08:00', number)).rejects.toThrow()
  }, 60_000)

  async function refusalsBetween(slug: string | null, code: string): Promise<number> {
    const { totalDocs } = await server.payload.count({
      collection: 'audit-log',
      where: {
        and: [
          { action: { equals: 'bookings.refused' } },
          { documentId: { equals: `refused:${code}` } },
          ...(slug ? [{ office: { equals: String(await officeId(slug)) } }] : []),
        ],
      },
    })
    return totalDocs
  }

  it('HQ sees every office and all of them together', async () => {
    await withSession('hq@demo.test', async ({ page }) => {
      await page.goto(`/admin/usage?from=${from}&to=${to}`)
      await waitForIdle(page)
      const scope = page.locator('section[data-scope="all"]')
      await scope.waitFor()
      const rows = page.locator('.kiyaku-usage__offices tbody tr')
      await expect.poll(() => rows.count()).toBe(2)
      const table = await page.locator('.kiyaku-usage__offices').innerText()
      expect(table).toContain('マザーズハローワーク北九州')
      expect(table).toContain('ハローワーク伊勢崎')
      const all = await bookingsBetween(null, from, to)
      expect(await bookingsBetween('isesaki', from, to)).toBeGreaterThanOrEqual(3)
      expect(Number(await scope.locator('[data-figure="total"]').innerText())).toBe(all)
      expect(await scope.locator('svg[role="img"]').count()).toBe(2)
      // Refusals by rule code, for all offices together.
      expect(await refusalsBetween('isesaki', 'outside_hours')).toBeGreaterThanOrEqual(2)
      expect(await refusalsBetween('kitakyushu-mothers', 'outside_hours')).toBeGreaterThanOrEqual(1)
      expect(
        Number(
          await scope
            .locator('.kiyaku-usage__refusals tr[data-refusal="outside_hours"] td')
            .innerText(),
        ),
      ).toBe(await refusalsBetween(null, 'outside_hours'))
      await keepScreenshot(page, 'usage-dashboard-hq')

      await page.locator('select[name="office"]').selectOption({ label: 'ハローワーク伊勢崎' })
      await page.getByRole('button', { name: '表示', exact: true }).click()
      const isesaki = page.locator(`section[data-scope="${await officeId('isesaki')}"]`)
      await isesaki.waitFor({ timeout: 30_000 })
      expect(Number(await isesaki.locator('[data-figure="total"]').innerText())).toBe(
        await bookingsBetween('isesaki', from, to),
      )
    })
  }, 180_000)

  it('an office admin sees only their own office, whatever the URL asks for', async () => {
    const other = await officeId('kitakyushu-mothers')
    await withSession('isesaki-admin@demo.test', async ({ page }) => {
      await page.goto(`/admin/usage?from=${from}&to=${to}&office=${other}`)
      await waitForIdle(page)
      const own = page.locator(`section[data-scope="${await officeId('isesaki')}"]`)
      await own.waitFor()
      const text = await page.locator('.kiyaku-usage').innerText()
      expect(text).toContain('ハローワーク伊勢崎')
      expect(text).not.toContain('マザーズハローワーク北九州')
      expect(await page.locator('section[data-scope="all"]').count()).toBe(0)
      expect(Number(await own.locator('[data-figure="total"]').innerText())).toBe(
        await bookingsBetween('isesaki', from, to),
      )
      // Only their own office's refusals.
      expect(
        Number(
          await own
            .locator('.kiyaku-usage__refusals tr[data-refusal="outside_hours"] td')
            .innerText(),
        ),
      ).toBe(await refusalsBetween('isesaki', 'outside_hours'))
      expect(await refusalsBetween('isesaki', 'outside_hours')).toBeLessThan(
        await refusalsBetween(null, 'outside_hours'),
      )
      await keepScreenshot(page, 'usage-dashboard-office-admin')
    })
    await withSession('isesaki-staff@demo.test', async ({ page }) => {
      await page.goto('/admin/usage')
      await waitForIdle(page)
      await page.getByText('利用状況は本部と事業所の管理者のみが見られます。').waitFor()
      expect(await page.locator('[data-figure]').count()).toBe(0)
    })
  }, 180_000)
})
