import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
  /** The start of the first failing element's markup and axe's summary, to tell whose fault it is. */
  html: string
}

/** Runs axe-core in the page (WCAG 2.1 A/AA rules) and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Next streams the page's metadata: on a slow machine the <title> lands after the form.
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 15_000 })
  // In the admin, the AccessibilityFixes provider repairs Payload's markup once React has hydrated
  // (it marks <html> then) and again on the next animation frame after each change.
  await page.waitForFunction(
    () =>
      !document.querySelector('.template-default, .template-minimal') ||
      document.documentElement.dataset.accessibilityFixes === 'on',
    undefined,
    { timeout: 60_000 },
  )
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  )
  await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: {
              id: string
              impact: string | null
              help: string
              nodes: { target: unknown[]; html: string; failureSummary?: string }[]
            }[]
          }>
        }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => String(node.target.join(' '))),
      html: `${(violation.nodes[0]?.html ?? '').slice(0, 300)} ${violation.nodes[0]?.failureSummary ?? ''}`,
    }))
  })
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  )
}
