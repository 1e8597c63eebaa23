import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { addDays, tokyoToday } from '../../src/lib/tokyoTime'
import { bearer, login } from '../support/server'
import { startAdminTestServer, type AdminTestServer } from './support/adminServer'
import { launchBrowser, openAdminAs, type AdminSession } from './support/browser'
import { keepScreenshot } from './support/screenshots'
import { nextOrdinaryWorkday } from './support/workdays'

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
  const office = docs[0]
  if (!office) throw new Error(`no office ${slug}`)
  return office.id
}

async function policyInForceToday(slug: string) {
  const { docs } = await server.payload.find({
    collection: 'reservation-policies',
    where: {
      and: [
        { office: { equals: await officeId(slug) } },
        { effectiveFrom: { less_than_equal: tokyoToday() } },
      ],
    },
    sort: '-effectiveFrom',
    limit: 1,
    depth: 0,
  })
  if (!docs[0]) throw new Error(`no policy in force for ${slug}`)
  return docs[0]
}

async function publicJson(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`)
  expect(response.status, path).toBe(200)
  return (await response.json()) as Record<string, unknown>
}

async function withSession<T>(
  email: string,
  run: (session: AdminSession) => Promise<T>,
): Promise<T> {
  const session = await openAdminAs(browser, server.url, email)
  try {
    return await run(session)
  } finally {
    expect(session.outsideRequests, 'requests to outside hosts').toEqual([])
    await session.close()
  }
}

/** The four factors of a ground-2 change (民法548条の4第1項第2号), each with its own text. */
async function fillReasonFactors(scope: Page | Locator, necessity: string): Promise<void> {
  await scope.getByLabel('変更の必要性').fill(necessity)
  await scope.getByLabel('変更後の内容の相当性').fill('他の事業所の利用規約と同じ内容です。')
  await scope
    .getByLabel('変更条項の有無及びその内容')
    .fill('現在の利用規約は、変更の要件と周知の方法を定めています。')
  await scope.getByLabel('利用者の不利益の程度と緩和措置').fill('利用者の不利益はありません。')
}

async function waitForIdle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
}

describe('office admin changes the hours from a future date', () => {
  const changeDate = addDays(tokyoToday(), 70)
  let newPolicyId: string

  it('schedules the proposed terms change, and the public policy and terms follow from that date', async () => {
    const current = await policyInForceToday('isesaki')
    const mondayWindow = current.windows.findIndex((window) => window.weekday === '1')
    expect(mondayWindow).toBeGreaterThanOrEqual(0)
    const oldStart = current.windows[mondayWindow]!.start
    const newStart = '09:30'
    expect(oldStart).not.toBe(newStart)

    await withSession('isesaki-admin@demo.test', async ({ page }) => {
      await keepScreenshot(page, 'dashboard-office-admin')
      await page.goto(`/admin/collections/reservation-policies/${current.id}`)
      await waitForIdle(page)
      await keepScreenshot(page, 'policy-form')

      await page.getByRole('button', { name: '日付を指定して変更を作成' }).click()
      await page.locator('input[name="futureEffectiveFrom"]').fill(changeDate)
      await page.getByRole('button', { name: '作成して編集する' }).click()
      await page.waitForURL(
        (url) =>
          /\/reservation-policies\/[^/]+$/.test(url.pathname) &&
          !url.pathname.endsWith(`/${current.id}`),
        { timeout: 30_000 },
      )
      newPolicyId = page.url().split('/').pop()!
      await waitForIdle(page)
      await expect.poll(() => page.locator('#field-effectiveFrom').inputValue()).toBe(changeDate)

      await page.locator(`#field-windows__${mondayWindow}__start`).fill(newStart)
      await page.getByRole('button', { name: '保存', exact: true }).click()

      // Saving a change that alters the terms leads to its 新旧対照表 and the scheduling form.
      await page.waitForURL(/\/terms-change$/, { timeout: 30_000 })
      await waitForIdle(page)
      const compare = page.locator('.kiyaku-compare')
      await expect.poll(() => compare.count()).toBe(1)
      expect(await compare.innerText()).toContain('9:30')
      await keepScreenshot(page, 'policy-terms-proposal')

      await page.getByLabel('第2号: 契約の目的に反せず、合理的な変更').check()
      await fillReasonFactors(
        page,
        '月曜日の相談開始を30分早め、午前中に相談しやすくするためです。',
      )
      expect(await page.getByLabel('施行日').inputValue()).toBe(changeDate)
      await page.getByRole('button', { name: '変更を予約して公表する' }).click()
      await page.getByText('利用規約の変更を予約しました').first().waitFor({ timeout: 30_000 })
      await keepScreenshot(page, 'policy-terms-scheduled')
    })

    const mondayStarts = (body: Record<string, unknown>) =>
      ((body.policy as { windows: { weekday: number; start: string }[] }).windows ?? [])
        .filter((window) => window.weekday === 1)
        .map((window) => window.start)
    const before = await publicJson(
      `/public/v1/offices/isesaki/policy?at=${addDays(changeDate, -1)}`,
    )
    const from = await publicJson(`/public/v1/offices/isesaki/policy?at=${changeDate}`)
    expect(mondayStarts(before)).toContain(oldStart)
    expect(mondayStarts(from)).toContain(newStart)
    expect(mondayStarts(from)).not.toContain(oldStart)

    const termsBefore = await publicJson(
      `/public/v1/offices/isesaki/terms?at=${addDays(changeDate, -1)}`,
    )
    const termsFrom = await publicJson(`/public/v1/offices/isesaki/terms?at=${changeDate}`)
    const editionOf = (body: Record<string, unknown>) =>
      body.edition as { number: number; effectiveFrom: string }
    expect(editionOf(termsFrom).effectiveFrom).toBe(changeDate)
    expect(editionOf(termsFrom).number).toBeGreaterThan(editionOf(termsBefore).number)
    expect(JSON.stringify(termsFrom)).toContain('9:30')
    expect(JSON.stringify(termsBefore)).not.toContain('9:30')
  }, 240_000)

  it('an admin of the other office cannot see it', async () => {
    expect(newPolicyId).toBeTruthy()
    const token = await login(server.url, 'kitakyushu-admin@demo.test')
    const rest = await fetch(`${server.url}/api/reservation-policies/${newPolicyId}`, {
      headers: bearer(token),
    })
    expect([403, 404]).toContain(rest.status)

    const own = (await (
      await fetch(`${server.url}/api/reservation-policies?depth=0&limit=1`, {
        headers: bearer(token),
      })
    ).json()) as { docs: { id: number | string }[] }
    expect(own.docs).toHaveLength(1)

    await withSession('kitakyushu-admin@demo.test', async ({ page }) => {
      await page.goto('/admin/collections/reservation-policies')
      await waitForIdle(page)
      // The list rendered, with the admin's own office's policy in it: a blank page fails here.
      await page
        .locator(`a[href$="/admin/collections/reservation-policies/${own.docs[0]!.id}"]`)
        .first()
        .waitFor({ timeout: 30_000 })
      const listText = await page.locator('main, .template-default').first().innerText()
      expect(listText).not.toContain(changeDate)

      for (const path of [
        `/admin/collections/reservation-policies/${newPolicyId}`,
        `/admin/collections/reservation-policies/${newPolicyId}/terms-change`,
      ]) {
        await page.goto(path)
        await waitForIdle(page)
        // The admin rendered for this user (its navigation is there), not a blank page.
        await page
          .locator('a[href="/admin/collections/bookings"]')
          .first()
          .waitFor({ state: 'attached', timeout: 30_000 })
        const text = await page.locator('body').innerText()
        expect(text).not.toContain(changeDate)
        expect(text).not.toContain('新旧対照表')
        expect(await page.locator('#field-windows__0__start').count()).toBe(0)
      }

      await page.goto('/admin')
      await waitForIdle(page)
      const dashboard = await page.locator('.kiyaku-dashboard').innerText()
      expect(dashboard).toContain('マザーズハローワーク北九州')
      expect(dashboard).not.toContain('ハローワーク伊勢崎')
    })
  }, 120_000)
})

describe('office staff', () => {
  it('see a booking outside hours refused with the Japanese message', async () => {
    const day = nextOrdinaryWorkday(addDays(tokyoToday(), 2))
    await withSession('isesaki-staff@demo.test', async ({ page }) => {
      await page.goto('/admin/collections/bookings/create')
      await waitForIdle(page)
      const slotStart = page.locator('#field-slotStart input').first()
      await slotStart.fill(`${day.replaceAll('-', '/')} 20:00`)
      await slotStart.press('Enter')
      await page.locator('#field-applicant__name').fill('時間外 太郎')
      await page.locator('#field-applicant__email').fill('taro@example.jp')
      await page.locator('#field-applicant__jobSeekerNumber').fill('10010-123456')
      await page.locator('#field-applicant__desiredDateTime').fill(`${day} 20:00`)
      await page.getByRole('button', { name: '保存', exact: true }).click()
      await page
        .getByText('選択された日時は予約の受付時間外です。')
        .first()
        .waitFor({ timeout: 30_000 })
      await keepScreenshot(page, 'booking-create-outside-hours')
      expect(page.url()).toMatch(/\/bookings\/create/)
    })
    const { totalDocs } = await server.payload.count({
      collection: 'bookings',
      where: { 'applicant.name': { equals: '時間外 太郎' } },
    })
    expect(totalDocs).toBe(0)
  }, 120_000)

  it('work from the day view: contacts, meeting URL and a cancellation by phone', async () => {
    const day = nextOrdinaryWorkday(addDays(tokyoToday(), 2))
    const token = await login(server.url, 'isesaki-staff@demo.test')
    const create = await fetch(`${server.url}/api/bookings`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({
        office: await officeId('isesaki'),
        slotStart: `${day}T10:00:00+09:00`,
        channel: 'staff-scheduled',
        tool: 'zoom',
        meetingUrl: 'https://zoom.example/j/1234567',
        eligibility: { registered: true, 'video-device': true },
        consent: { shownVia: 'phone' },
        applicant: {
          name: '山田 花子',
          email: 'hanako@example.jp',
          phone: '090-1234-5678',
          jobSeekerNumber: '10010-234567',
          desiredDateTime: `${day} 午前`,
        },
      }),
    })
    expect(create.status, await create.clone().text()).toBe(201)
    const { doc } = (await create.json()) as { doc: { reference: string } }

    await withSession('isesaki-staff@demo.test', async ({ page }) => {
      await page.goto(`/admin/bookings-day?date=${day}&days=1`)
      await waitForIdle(page)
      const row = page.locator(`tr[data-booking="${doc.reference}"]`)
      await row.waitFor()
      const rowText = await row.innerText()
      expect(rowText).toContain('山田 花子')
      expect(rowText).toContain('hanako@example.jp')
      expect(rowText).toContain('10:00')
      expect(await row.getByRole('link', { name: /接続する/ }).getAttribute('href')).toBe(
        'https://zoom.example/j/1234567',
      )
      await keepScreenshot(page, 'bookings-day')

      await row.getByRole('button', { name: 'キャンセルを記録' }).click()
      await row.getByLabel('キャンセルの連絡手段').selectOption('phone')
      await row.getByRole('button', { name: 'キャンセルを確定' }).click()
      await expect
        .poll(() => row.locator('.kiyaku-pill').innerText(), { timeout: 20_000 })
        .toBe('キャンセル')
    })
    const { docs } = await server.payload.find({
      collection: 'bookings',
      where: { reference: { equals: doc.reference } },
      depth: 0,
    })
    expect(docs[0]?.status).toBe('cancelled')
    expect(docs[0]?.cancelVia).toBe('phone')
  }, 120_000)
})

describe('headquarters', () => {
  it('sees every office’s terms on the dashboard and publishes the edited template to an office', async () => {
    const { docs } = await server.payload.find({
      collection: 'terms-templates',
      limit: 1,
      depth: 0,
    })
    const template = docs[0]!
    // HQ's edit of the template (the JSON editing itself is Payload's form).
    const hqToken = await login(server.url, 'hq@demo.test')
    const document = template.document as { title: string }
    const patch = await fetch(`${server.url}/api/terms-templates/${template.id}`, {
      method: 'PATCH',
      headers: { ...bearer(hqToken), 'content-type': 'application/json' },
      body: JSON.stringify({ document: { ...document, title: `${document.title}（改定）` } }),
    })
    expect(patch.status, await patch.clone().text()).toBe(200)
    const effectiveFrom = addDays(tokyoToday(), 40)

    await withSession('hq@demo.test', async ({ page }) => {
      await page.goto('/admin')
      await waitForIdle(page)
      const dashboard = page.locator('.kiyaku-dashboard')
      await expect.poll(() => dashboard.locator('tr[data-office]').count()).toBe(2)
      await keepScreenshot(page, 'dashboard-hq')

      await page.goto(`/admin/collections/terms-templates/${template.id}`)
      await waitForIdle(page)
      await page.getByRole('button', { name: '事業所へ公開' }).click()
      await page.getByRole('checkbox', { name: 'マザーズハローワーク北九州' }).check()
      const panel = page.locator('.kiyaku-publish-panel')
      await panel.getByLabel('施行日').fill(effectiveFrom)
      await panel.getByLabel('第2号: 契約の目的に反せず、合理的な変更').check()
      await fillReasonFactors(panel, '規約の表題を改めるためです。内容に実質的な変更はありません。')
      await keepScreenshot(page, 'template-publish')
      await panel.getByRole('button', { name: '公開する' }).click()
      await panel
        .getByText(/マザーズハローワーク北九州: 第\d+版を公開/)
        .waitFor({ timeout: 30_000 })

      await page.goto('/admin')
      await waitForIdle(page)
      const kitakyushu = page.locator('tr[data-office="kitakyushu-mothers"]')
      await expect.poll(() => kitakyushu.innerText()).toContain('利用規約の変更のお知らせ')
    })
    const terms = await publicJson(
      `/public/v1/offices/kitakyushu-mothers/terms?at=${effectiveFrom}`,
    )
    expect((terms.edition as { effectiveFrom: string }).effectiveFrom).toBe(effectiveFrom)
    expect(JSON.stringify(terms)).toContain('（改定）')
  }, 120_000)
})
