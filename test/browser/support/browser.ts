import { chromium, type Browser, type Page } from 'playwright-core'

const DEMO_PASSWORD = 'kiyaku-demo'

/** The system Chromium; tests never download a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  })
}

export interface AdminSession {
  page: Page
  /** Requests the page made to any host but the server's: the admin must stay offline. */
  outsideRequests: string[]
  close: () => Promise<void>
}

/**
 * A fresh browser context in Japanese and Tokyo time (or the zone given: screens that must show
 * Tokyo time whatever the browser's zone are tested from Los Angeles), logged in through the
 * admin's login form.
 */
export async function openAdminAs(
  browser: Browser,
  baseUrl: string,
  email?: string,
  options: { bypassCSP?: boolean; timezoneId?: string } = {},
): Promise<AdminSession> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    // Only for injecting axe-core into pages whose CSP forbids inline scripts.
    bypassCSP: options.bypassCSP ?? false,
    locale: 'ja-JP',
    timezoneId: options.timezoneId ?? 'Asia/Tokyo',
    viewport: { width: 1280, height: 900 },
  })
  const page = await context.newPage()
  const outsideRequests: string[] = []
  const { host } = new URL(baseUrl)
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol.startsWith('http') && url.host !== host) outsideRequests.push(request.url())
  })
  if (email) await logIn(page, email)
  return { page, outsideRequests, close: () => context.close() }
}

async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  // Typing before React hydrates the form is lost, and on a loaded machine the page can look
  // idle before hydration has finished: a login that leaves us on the form is tried again.
  for (let attempt = 1; ; attempt++) {
    // The redirect to /admin/login happens in the browser, after hydration.
    await page.goto('/admin/login')
    await page.waitForLoadState('networkidle')
    await page.locator('#field-email').fill(email)
    await page.locator('#field-password').fill(password)
    await page.locator('button[type="submit"]').click()
    try {
      await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'), {
        timeout: 45_000,
      })
      break
    } catch (error) {
      if (attempt >= 3) throw error
    }
  }
  await page.locator('.template-default').first().waitFor({ timeout: 90_000 })
}
