import { readFileSync } from 'node:fs'
import holidayJp from '@holiday-jp/holiday_jp'
import { parse } from 'csv-parse/sync'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Booking } from '../../src/payload-types'
import { addDays, tokyoDayStart, tokyoToday } from '../../src/lib/tokyoTime'
import { withBookingContext } from '../../src/services/bookings/context'
import { bearer, login } from '../support/server'
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

const HOUR_MS = 60 * 60 * 1000

async function officeId(slug: string): Promise<number | string> {
  const { docs } = await server.payload.find({
    collection: 'offices',
    where: { slug: { equals: slug } },
    limit: 1,
  })
  if (!docs[0]) throw new Error(`no office ${slug}`)
  return docs[0].id
}

/** A weekday (Monday to Friday, not a national holiday) at or before/after `from`, stepping by `step`. */
function ordinaryWeekday(from: string, step: 1 | -1): string {
  let day = from
  for (;;) {
    const noon = new Date(tokyoDayStart(day).getTime() + 12 * HOUR_MS)
    const weekday = noon.getUTCDay()
    const yearEnd = /-12-(29|30|31)$|-01-0[1-3]$/.test(day)
    if (weekday >= 1 && weekday <= 5 && !holidayJp.isHoliday(noon) && !yearEnd) return day
    day = addDays(day, step)
  }
}

/**
 * An 伊勢崎 booking made by staff; `bookedAt` lets a test put a booking in the past, as it would
 * be had staff made it then (the rules are evaluated at that instant).
 */
async function staffBooking(
  day: string,
  time: string,
  applicant: { name: string; email: string; phone: string; jobSeekerNumber: string },
  bookedAt?: Date,
): Promise<Booking> {
  return server.payload.create({
    collection: 'bookings',
    data: {
      office: await officeId('isesaki'),
      slotStart: `${day}T${time}:00+09:00`,
      channel: 'staff-scheduled',
      tool: 'zoom',
      meetingUrl: `https://zoom.example/j/${applicant.jobSeekerNumber.replace('-', '')}`,
      eligibility: { registered: true, 'video-device': true },
      applicant: { ...applicant, desiredDateTime: `${day} ${time}` },
    } as never,
    context: withBookingContext({ now: (bookedAt ?? new Date()).toISOString() }),
  })
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

describe('staff search', () => {
  it('finds a booking by 求職番号 from another day and marks it a no-show', async () => {
    // Yesterday or before: a no-show can be recorded only once the slot and its grace are over.
    const pastDay = ordinaryWeekday(addDays(tokyoToday(), -1), -1)
    const booking = await staffBooking(
      pastDay,
      '10:30',
      {
        name: '検索 一郎',
        email: 'ichiro@example.jp',
        phone: '09011112222',
        jobSeekerNumber: '10010-778899',
      },
      new Date(tokyoDayStart(pastDay).getTime() - 3 * 24 * HOUR_MS),
    )
    expect(booking.status).toBe('confirmed')

    await withSession('isesaki-staff@demo.test', async ({ page }) => {
      // Today's day view: the booking is on another day, so it is not among the rows shown.
      await page.goto(`/admin/bookings-day?date=${tokyoToday()}&days=1`)
      await waitForIdle(page)
      const results = page.locator('.kiyaku-search__results')
      expect(
        await page.locator(`.kiyaku-day__day tr[data-booking="${booking.reference}"]`).count(),
      ).toBe(0)

      // Typed as applicants often give it: full-width digits and a long dash.
      const searchRequests: string[] = []
      page.on('request', (request) => searchRequests.push(request.url()))
      await page
        .getByLabel('予約番号・氏名・求職番号・メールアドレス')
        .fill('１００１０ー７７８８９９')
      await page.getByRole('button', { name: '検索', exact: true }).click()
      const row = results.locator(`tr[data-booking="${booking.reference}"]`)
      await row.waitFor({ timeout: 30_000 })
      expect(await results.locator('tbody tr').count()).toBe(1)
      const rowText = await row.innerText()
      expect(rowText).toContain('検索 一郎')
      expect(rowText).toContain(pastDay.replaceAll('-', '/'))
      expect(rowText).toContain('10:30')
      // The search text travels in the request body, never in a URL.
      expect(searchRequests.join('\n')).not.toContain('778899')
      await keepScreenshot(page, 'bookings-search')

      await row.getByRole('button', { name: '無断欠席にする' }).click()
      await expect
        .poll(() => row.locator('.kiyaku-pill').innerText(), { timeout: 30_000 })
        .toBe('無断欠席')
    })
    const stored = await server.payload.findByID({
      collection: 'bookings',
      id: booking.id,
      depth: 0,
    })
    expect(stored.status).toBe('no_show')
  }, 180_000)

  it('stays within the staff member’s office', async () => {
    const day = ordinaryWeekday(addDays(tokyoToday(), 3), 1)
    await staffBooking(day, '11:00', {
      name: '越境 次郎',
      email: 'jiro@example.jp',
      phone: '09033334444',
      jobSeekerNumber: '10010-556677',
    })
    const token = await login(server.url, 'kitakyushu-staff@demo.test')
    const response = await fetch(`${server.url}/api/bookings/search`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ q: '10010-556677' }),
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { hits: unknown[] }).hits).toEqual([])

    const own = await fetch(`${server.url}/api/bookings/search`, {
      method: 'POST',
      headers: {
        ...bearer(await login(server.url, 'isesaki-staff@demo.test')),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ q: '越境' }),
    })
    expect(((await own.json()) as { hits: { name: string }[] }).hits.map((h) => h.name)).toEqual([
      '越境 次郎',
    ])
  }, 60_000)
})

describe('staff print and export', () => {
  const applicants = [
    {
      name: '出力 三郎',
      email: 'saburo@example.jp',
      phone: '0270123456',
      jobSeekerNumber: '10010-111111',
    },
    {
      name: '=出力 四郎',
      email: 'shiro@example.jp',
      phone: '09055556666',
      jobSeekerNumber: '10010-222222',
    },
  ]
  let day: string
  let bookings: Booking[]

  beforeAll(async () => {
    day = ordinaryWeekday(addDays(tokyoToday(), 8), 1)
    bookings = [
      await staffBooking(day, '10:00', applicants[0]!),
      await staffBooking(day, '14:30', applicants[1]!),
    ]
  }, 60_000)

  it('prints the day with time, reference, name, tool and URL only', async () => {
    await withSession('isesaki-staff@demo.test', async ({ page }) => {
      await page.goto(`/admin/bookings-day?date=${day}&days=1`)
      await waitForIdle(page)
      await page.getByRole('link', { name: '印刷用の表示' }).click()
      await page.waitForURL(/\/admin\/bookings-print\?/)
      const sheet = page.locator(`.kiyaku-print__day:has(h1#print-${day})`)
      await sheet.locator('tbody tr').first().waitFor()
      const text = await sheet.innerText()
      for (const booking of bookings) {
        expect(text).toContain(booking.reference!)
        expect(text).toContain(booking.applicant!.name!)
        expect(text).toContain(booking.meetingUrl!)
      }
      for (const applicant of applicants) {
        expect(text).not.toContain(applicant.email)
        expect(text).not.toContain(applicant.jobSeekerNumber)
        expect(text).not.toContain(applicant.phone)
      }
      expect(await page.locator('nav, .nav').count()).toBe(0)
      await keepScreenshot(page, 'bookings-print')
    })
  }, 120_000)

  it('exports a CSV the test reads back and compares with the bookings; audited without data', async () => {
    const auditBefore = await server.payload.count({
      collection: 'audit-log',
      where: { action: { equals: 'bookings.export' } },
    })
    const csv = await withSession('isesaki-staff@demo.test', async ({ page }) => {
      await page.goto(`/admin/bookings-day?date=${day}&days=1`)
      await waitForIdle(page)
      await page.getByText('CSVで書き出す').first().click()
      await page.getByLabel('開始日').fill(day)
      await page.getByLabel('終了日').fill(day)
      // Staff cannot ask for contact details at all.
      expect(await page.getByLabel('連絡先（メールアドレス・電話番号）を含める').count()).toBe(0)
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByRole('button', { name: 'CSVを書き出す' }).click(),
      ])
      return readFileSync((await download.path())!)
    })

    // UTF-8 with a byte order mark, so that Excel reads the Japanese text.
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[]
    const ours = bookings.map((booking) => booking.reference)
    expect(rows.map((row) => row['予約番号'])).toEqual(ours)
    expect(Object.keys(rows[0]!)).not.toContain('メールアドレス')
    expect(Object.keys(rows[0]!)).not.toContain('電話番号')
    rows.forEach((row, index) => {
      const booking = bookings[index]!
      expect(row['日付']).toBe(day)
      expect(row['開始']).toBe(index === 0 ? '10:00' : '14:30')
      expect(row['終了']).toBe(index === 0 ? '10:30' : '15:00')
      expect(row['事業所']).toBe('ハローワーク伊勢崎')
      expect(row['状態']).toBe('確定')
      expect(row['使用ツール']).toBe('Zoom')
      expect(row['接続URL']).toBe(booking.meetingUrl)
      expect(row['求職番号']).toBe(booking.applicant!.jobSeekerNumber)
      // A name that starts like a formula is written so that a spreadsheet shows it as text.
      expect(row['氏名']).toBe(index === 0 ? '出力 三郎' : "'=出力 四郎")
    })

    const audit = await server.payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'bookings.export' } },
      sort: '-at',
      depth: 0,
    })
    expect(audit.totalDocs).toBe(auditBefore.totalDocs + 1)
    const entry = audit.docs[0]!
    expect(entry.office).toBe(String(await officeId('isesaki')))
    expect(entry.after).toMatchObject({ from: day, to: day, rows: 2, contacts: false })
    const recorded = JSON.stringify(entry)
    for (const value of [...applicants.flatMap(Object.values), ...ours])
      expect(recorded).not.toContain(value)
  }, 120_000)

  it('gives contact details to office admins who ask, and refuses them to staff', async () => {
    const office = String(await officeId('isesaki'))
    const exportAs = async (email: string, body: object) =>
      fetch(`${server.url}/api/bookings/export`, {
        method: 'POST',
        headers: { ...bearer(await login(server.url, email)), 'content-type': 'application/json' },
        body: JSON.stringify({ from: day, to: day, office, ...body }),
      })
    const staff = await exportAs('isesaki-staff@demo.test', { contact: '1' })
    expect(staff.status).toBe(403)
    expect(JSON.stringify(await staff.json())).toContain('contact_export_forbidden')

    const admin = await exportAs('isesaki-admin@demo.test', { contact: '1' })
    expect(admin.status).toBe(200)
    const rows = parse(Buffer.from(await admin.arrayBuffer()), {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    expect(rows.map((row) => [row['メールアドレス'], row['電話番号']])).toEqual(
      applicants.map((applicant) => [applicant.email, applicant.phone]),
    )

    const otherOffice = await exportAs('kitakyushu-admin@demo.test', { contact: '1' })
    expect(otherOffice.status).toBe(403)

    // The export writes an audit entry, so it is never a GET.
    const get = await fetch(`${server.url}/api/bookings/export?from=${day}&to=${day}`, {
      headers: bearer(await login(server.url, 'isesaki-admin@demo.test')),
    })
    expect(get.status).toBeGreaterThanOrEqual(400)
    expect(get.headers.get('content-type') ?? '').not.toContain('text/csv')
  }, 60_000)

  it('shows contact fields in search results only to those the export gives them to', async () => {
    const search = async (email: string) => {
      const response = await fetch(`${server.url}/api/bookings/search`, {
        method: 'POST',
        headers: { ...bearer(await login(server.url, email)), 'content-type': 'application/json' },
        body: JSON.stringify({ q: applicants[0]!.jobSeekerNumber }),
      })
      expect(response.status).toBe(200)
      return ((await response.json()) as { hits: Record<string, unknown>[] }).hits
    }
    // Staff find a booking by e-mail, yet are not shown it (nor the phone).
    const staffByEmail = await fetch(`${server.url}/api/bookings/search`, {
      method: 'POST',
      headers: {
        ...bearer(await login(server.url, 'isesaki-staff@demo.test')),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ q: applicants[0]!.email }),
    })
    const staffByEmailHits = ((await staffByEmail.json()) as { hits: Record<string, unknown>[] })
      .hits
    expect(staffByEmailHits.map((hit) => hit.reference)).toEqual([bookings[0]!.reference])
    for (const hits of [staffByEmailHits, await search('isesaki-staff@demo.test')]) {
      expect(hits).toHaveLength(1)
      expect(hits[0]!.email).toBeNull()
      expect(JSON.stringify(hits)).not.toContain(applicants[0]!.email)
      expect(JSON.stringify(hits)).not.toContain(applicants[0]!.phone)
      expect(hits[0]!.jobSeekerNumber).toBe(applicants[0]!.jobSeekerNumber)
    }
    for (const email of ['isesaki-admin@demo.test', 'hq@demo.test']) {
      const hits = await search(email)
      expect(hits.map((hit) => hit.email)).toEqual([applicants[0]!.email])
    }
  }, 60_000)
})
