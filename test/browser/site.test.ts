import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { addDays, tokyoDateOf } from '../../src/lib/tokyoTime'
import { seriousAxeViolations } from './support/axe'
import { launchBrowser } from './support/browser'
import { keepScreenshot } from './support/screenshots'
import {
  officeId,
  publishEditionNow,
  startSiteTestServer,
  type SiteTestServer,
} from './support/siteServer'

const KITAKYUSHU = 'kitakyushu-mothers'
const PHONE = { width: 375, height: 812 }
const DESKTOP = { width: 1280, height: 900 }

let site: SiteTestServer
let browser: Browser

beforeAll(async () => {
  site = await startSiteTestServer()
  browser = await launchBrowser()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

async function newContext(javaScriptEnabled: boolean): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: site.server.url,
    javaScriptEnabled,
    // axe-core is injected into pages whose CSP allows no script at all.
    bypassCSP: javaScriptEnabled,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: PHONE,
  })
}

/** axe at 375 px and at 1280 px (no serious or critical violation), then a 375 px screenshot. */
async function checkPage(page: Page, name: string, javaScript: boolean): Promise<void> {
  // No inline script or style anywhere: the pages' CSP allows neither.
  expect(await page.content(), name).not.toMatch(/<script|<style| style=/)
  if (!javaScript) return
  expect(await seriousAxeViolations(page), `${name} at 375 px`).toEqual([])
  await page.setViewportSize(DESKTOP)
  expect(await seriousAxeViolations(page), `${name} at 1280 px`).toEqual([])
  await page.setViewportSize(PHONE)
  await keepScreenshot(page, name)
}

async function submit(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: '申し込む' }).click(),
  ])
  await page.waitForLoadState('load')
  return response.status()
}

/** The whole booking, from / to the confirmation link in the mail, with three setbacks. */
async function bookKitakyushu(javaScript: boolean, editionDate: string): Promise<void> {
  const context = await newContext(javaScript)
  const page = await context.newPage()
  const run = javaScript ? 'js' : 'nojs'
  const email = `applicant-${run}@example.jp`
  const name = `厚労 花子${run === 'js' ? '' : '（JSなし）'}`

  await page.goto('/')
  await checkPage(page, 'site-home', javaScript)
  await page.getByRole('link', { name: 'マザーズハローワーク北九州' }).click()
  await page.getByRole('heading', { level: 1, name: 'マザーズハローワーク北九州' }).waitFor()
  await expect(page.getByText('60分以内にメールのリンクを開いて')).toBeTruthy()
  await checkPage(page, 'site-office-kitakyushu', javaScript)

  await page.getByRole('link', { name: '日時を選んで予約する' }).click()
  await page.getByRole('heading', { level: 1, name: '相談の日時を選ぶ' }).waitFor()
  expect(await page.getByText('この曜日は相談を受け付けていません').count()).toBeGreaterThan(0)
  await checkPage(page, 'site-slots', javaScript)
  // A time on a later day, so that none of the times this test uses starts while it runs.
  const today = tokyoDateOf(new Date())
  const laterDay = page.locator(`a.site-slot:not([href*="slot=${today}"])`)
  if ((await laterDay.count()) === 0) {
    await page.getByRole('link', { name: '次の週' }).first().click()
    await page.locator('a.site-slot').first().waitFor()
  }
  await laterDay.first().click()
  await page.getByRole('heading', { level: 1, name: '予約の申込み' }).waitFor()
  const edition = Number(await page.locator('input[name=termsEdition]').inputValue())
  expect(await page.getByText(`第${edition}版`).count()).toBeGreaterThan(0)
  await checkPage(page, 'site-form', javaScript)

  // 1. A refusal: a malformed phone number and no eligibility statement affirmed.
  await page.getByLabel('氏名').fill(name)
  await page.getByLabel('メールアドレス').fill(email)
  await page.getByLabel('電話番号').fill('03-12')
  await page.getByLabel('求職番号').fill('12345-678')
  await page.getByLabel(`利用規約（第${edition}版）に同意します`).check()
  expect(await submit(page)).toBe(422)
  await expect(page.locator('#field-applicant-phone-error').textContent()).resolves.toContain(
    '電話番号は',
  )
  const eligibilityErrors = page.locator('[id^="field-eligibility-"][id$="-error"]')
  expect(await eligibilityErrors.count()).toBe(4)
  expect(await page.getByLabel('氏名').inputValue()).toBe(name)
  expect(await page.getByLabel('メールアドレス').inputValue()).toBe(email)
  expect(await page.getByLabel('電話番号').inputValue()).toBe('03-12')
  expect(await page.getByLabel('求職番号').inputValue()).toBe('12345-678')
  expect(await page.getByLabel(`利用規約（第${edition}版）に同意します`).isChecked()).toBe(true)
  await checkPage(page, 'site-form-refused', javaScript)

  // 2. The slot is taken meanwhile, through the public API.
  const slotStart = await page.locator('input[name=slotStart]').inputValue()
  const eligibilityIds = await page
    .locator('input[name^="eligibility."]')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).name.slice(12)))
  const taken = await fetch(`${site.server.url}/public/v1/offices/${KITAKYUSHU}/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      slotStart,
      applicant: { name: '別の 申込者', email: `other-${run}@example.jp`, phone: '0312345678' },
      consent: { termsEdition: edition, agreed: true },
      eligibility: Object.fromEntries(eligibilityIds.map((id) => [id, true])),
    }),
  })
  expect(taken.status).toBe(202)
  await page.getByLabel('電話番号').fill('090-1234-5678')
  for (const box of await page.locator('input[name^="eligibility."]').all()) await box.check()
  expect(await submit(page)).toBe(409)
  expect(await page.getByText('予約が埋まっています').count()).toBeGreaterThan(0)
  const alternatives = page.locator('input[type=radio][name=slotStart]')
  expect(await alternatives.count()).toBeGreaterThan(0)
  expect(await page.getByLabel('電話番号').inputValue()).toBe('090-1234-5678')
  expect(await page.getByLabel('氏名').inputValue()).toBe(name)
  for (const box of await page.locator('input[name^="eligibility."]').all()) {
    expect(await box.isChecked()).toBe(true)
  }
  await checkPage(page, 'site-form-slot-taken', javaScript)
  const chosen = await alternatives.first().inputValue()
  expect(chosen).not.toBe(slotStart)
  await alternatives.first().check()

  // 3. The terms edition changes between this page's load and its submission.
  const newEdition = await publishEditionNow(site.server.payload, KITAKYUSHU, editionDate)
  expect(newEdition).toBeGreaterThan(edition)
  expect(await submit(page)).toBe(422)
  expect(await page.getByText('利用規約が改定されています').count()).toBeGreaterThan(0)
  expect(await page.locator('input[name=termsEdition]').inputValue()).toBe(String(newEdition))
  const agreeNew = page.getByLabel(`利用規約（第${newEdition}版）に同意します`)
  expect(await agreeNew.isChecked()).toBe(false)
  expect(await page.getByLabel('氏名').inputValue()).toBe(name)
  expect(await page.locator('input[name=slotStart]').inputValue()).toBe(chosen)
  await checkPage(page, 'site-form-terms-changed', javaScript)
  await agreeNew.check()
  expect(await submit(page)).toBe(200)
  await page.getByRole('heading', { level: 1, name: /お申込みを受け付けました/ }).waitFor()
  expect(await page.getByText('60分以内').count()).toBeGreaterThan(0)
  await checkPage(page, 'site-submitted', javaScript)

  // The mail and its link, to the confirmed booking.
  const mail = await site.smtp.waitFor(
    (m) => m.to.includes(email) && m.subject.includes('確認のお願い'),
    20_000,
  )
  const confirmUrl = /https?:\/\/\S+\/public\/v1\/bookings\/confirm\?token=[\w-]+/.exec(mail.text)
  expect(confirmUrl).not.toBeNull()
  expect(confirmUrl![0].startsWith(site.server.url)).toBe(true)
  await page.goto(confirmUrl![0])
  await page.getByRole('heading', { level: 1, name: 'ご予約の確定' }).waitFor()
  await checkPage(page, 'site-confirm', javaScript)
  await page.getByRole('button', { name: '予約を確定する' }).click()
  await page.getByRole('heading', { level: 1, name: 'ご予約が確定しました' }).waitFor()
  await checkPage(page, 'site-confirmed', javaScript)

  const { docs } = await site.server.payload.find({
    collection: 'bookings',
    where: { 'applicant.email': { equals: email } },
    depth: 0,
    overrideAccess: true,
  })
  expect(docs).toHaveLength(1)
  expect(docs[0]!.status).toBe('confirmed')
  expect(new Date(docs[0]!.slotStart).getTime()).toBe(Date.parse(chosen))

  const confirmed = await site.smtp.waitFor(
    (m) => m.to.includes(email) && /\/bookings\/cancel\?token=/.test(m.text),
    20_000,
  )
  const cancelUrl = /https?:\/\/\S+\/public\/v1\/bookings\/cancel\?token=[\w-]+/.exec(
    confirmed.text,
  )
  await page.goto(cancelUrl![0])
  await page.getByRole('heading', { level: 1, name: 'ご予約のキャンセル' }).waitFor()
  await checkPage(page, 'site-cancel', javaScript)
  await context.close()
}

describe('booking site (375 px phone)', () => {
  it('books 北九州 from / to the mailed confirmation link, through a refusal, a slot taken meanwhile and a terms change', async () => {
    await bookKitakyushu(true, addDays(tokyoDateOf(new Date()), -1))
  }, 240_000)

  it('does the same with JavaScript disabled', async () => {
    await bookKitakyushu(false, tokyoDateOf(new Date()))
  }, 240_000)

  it('shows 伊勢崎 the phone and mail route and no form', async () => {
    const context = await newContext(true)
    const page = await context.newPage()
    await page.goto('/offices/isesaki')
    expect(await page.locator('form').count()).toBe(0)
    expect(await page.getByRole('link', { name: '日時を選んで予約する' }).count()).toBe(0)
    expect(await page.locator('a[href="tel:0270000000"]').textContent()).toBe('0270-00-0000')
    expect(await page.locator('a[href="mailto:isesaki@demo.test"]').count()).toBe(1)
    expect(await page.getByText('電話またはメールでお申し込みください').count()).toBeGreaterThan(0)
    await checkPage(page, 'site-office-isesaki', true)
    for (const path of ['/offices/isesaki/slots', '/offices/isesaki/book']) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(404)
      expect(await page.locator('form, a.site-slot').count(), path).toBe(0)
    }
    expect((await page.goto('/offices/no-such-office'))?.status()).toBe(404)
    await checkPage(page, 'site-not-found', true)
    const book = await page.goto('/offices/isesaki/book')
    expect(book?.status()).toBe(404)
    expect(await page.locator('form').count()).toBe(0)
    await context.close()
  }, 120_000)

  it('marks days past the booking window as not yet open', async () => {
    const context = await newContext(true)
    const page = await context.newPage()
    await page.goto(`/offices/${KITAKYUSHU}/slots?week=${addDays(tokyoDateOf(new Date()), 45)}`)
    expect(await page.getByText('まだ予約を受け付けていません').count()).toBeGreaterThan(0)
    expect(await page.locator('a.site-slot').count()).toBe(0)
    await checkPage(page, 'site-slots-not-open', true)
    await context.close()
  }, 120_000)

  it('refuses a form post without its cross-site token, and one with the honeypot filled', async () => {
    const response = await fetch(`${site.server.url}/offices/${KITAKYUSHU}/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'slotStart=2030-01-07T10%3A00%3A00%2B09%3A00&applicant.name=x',
    })
    expect(response.status).toBe(403)
    // A valid cookie and token still do not let another site post.
    const week = await (await fetch(`${site.server.url}/offices/${KITAKYUSHU}/slots`)).text()
    const slotPath = /href="(\/offices\/[^"]+\/book\?slot=[^"]+)"/.exec(week)![1]!
    const form = await fetch(`${site.server.url}${slotPath}`)
    const cookie = form.headers.get('set-cookie')!.split(';')[0]!
    const token = /name="formToken" value="([^"]+)"/.exec(await form.text())![1]!
    const post = (origin: string) =>
      fetch(`${site.server.url}/offices/${KITAKYUSHU}/book`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin },
        body: new URLSearchParams({ formToken: token, 'applicant.name': 'x' }),
      })
    expect((await post('http://evil.example')).status).toBe(403)
    expect((await post(site.server.url)).status).toBe(422)
    const context = await newContext(false)
    const page = await context.newPage()
    await page.goto(`/offices/${KITAKYUSHU}/slots`)
    await page.locator('a.site-slot').first().click()
    await page
      .locator('#field-website')
      .evaluate(() => undefined)
      .catch(() => undefined)
    await page.locator('#field-website').fill('http://spam.example', { force: true })
    expect(await submit(page)).toBe(400)
    await context.close()
  }, 120_000)
})

describe('embeddable terms', () => {
  const hosts: Server[] = []
  afterAll(async () => {
    await Promise.all(hosts.map((host) => new Promise((resolve) => host.close(resolve))))
  })

  async function hostPage(src: string): Promise<string> {
    const host = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.end(
        `<!DOCTYPE html><html lang="ja"><head><title>事業所のサイト</title></head><body>` +
          `<iframe src="${src}" title="利用規約" width="360" height="600"></iframe></body></html>`,
      )
    })
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
    hosts.push(host)
    return `http://localhost:${(host.address() as AddressInfo).port}`
  }

  it('is shown in an iframe on an allowed origin and refused on any other', async () => {
    const embedUrl = `${site.server.url}/public/v1/offices/${KITAKYUSHU}/terms/embed`
    const allowed = await hostPage(embedUrl)
    const other = await hostPage(embedUrl)
    const siteFramed = await hostPage(`${site.server.url}/`)
    await site.server.payload.update({
      collection: 'offices',
      id: await officeId(site.server.payload, KITAKYUSHU),
      data: { embedOrigins: [allowed] } as Record<string, unknown>,
      overrideAccess: true,
    })
    // The office entry is cached for up to 2 s.
    await new Promise((resolve) => setTimeout(resolve, 2_100))

    const response = await fetch(embedUrl)
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${allowed}`)

    const context = await browser.newContext({ locale: 'ja-JP', viewport: PHONE })
    const page = await context.newPage()
    const frameText = async (url: string) => {
      await page.goto(url)
      await page.waitForLoadState('load')
      const frame = page.frames().find((f) => f !== page.mainFrame())
      return frame
        ? await frame
            .locator('body')
            .innerText()
            .catch(() => '')
        : ''
    }
    const shown = await frameText(allowed)
    expect(shown).toContain('第1条')
    expect(shown).toContain('以前の版')
    await keepScreenshot(page, 'site-terms-embedded')
    expect(await frameText(other)).not.toContain('第1条')
    // Every other page still refuses to be framed, even by the allowed origin.
    expect(await frameText(siteFramed)).not.toContain('事業所を選んでください')
    await context.close()
  }, 120_000)
})

describe('API reference page', () => {
  it('renders the OpenAPI document with nothing fetched from elsewhere', async () => {
    const context = await browser.newContext({ baseURL: site.server.url, viewport: DESKTOP })
    const page = await context.newPage()
    const outside: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith(site.server.url)) outside.push(request.url())
    })
    await page.goto('/public/docs')
    await page.getByText('Kiyaku public API').first().waitFor({ timeout: 30_000 })
    expect(await page.getByText('/offices/{slug}/bookings').count()).toBeGreaterThan(0)
    expect(outside).toEqual([])
    await keepScreenshot(page, 'api-reference')
    await context.close()
  }, 120_000)
})
