import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../docs/screenshots')

/**
 * Refreshes docs/screenshots/NAME.png when KIYAKU_SCREENSHOTS=1 (KIYAKU_SCREENSHOTS=1 npm run test:browser); other
 * runs leave the committed images alone.
 */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.KIYAKU_SCREENSHOTS !== '1') return
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  // Toasts and transitions settle; the admin renders part of the page after hydration.
  await page.waitForTimeout(600)
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}
