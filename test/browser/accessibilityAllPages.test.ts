import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import holidayJp from '@holiday-jp/holiday_jp'

import { addDays, tokyoDayStart, tokyoToday } from '../../src/lib/tokyoTime'
import type { ReservationPolicy } from '../../src/payload-types'
import { withBookingContext } from '../../src/services/bookings/context'
import { claimOnce } from '../../src/services/claims/claims'
import { seriousAxeViolations, type AxeViolation } from './support/axe'
import { startAdminTestServer, type AdminTestServer } from './support/adminServer'
import { launchBrowser, openAdminAs, type AdminSession } from './support/browser'

/**
 * Every admin page a role uses, with axe-core (WCAG 2.x A and AA, see support/axe.ts): no serious
 * or critical violation. The collection and global pages come from the running config and the
 * role's own permissions (GET /api/access), so a collection added later is covered without a
 * change here. One browser, one logged-in session per role, axe once per page.
 */

const ROLES = [
  { name: 'HQ', email: 'hq@demo.test' },
  { name: 'office admin', email: 'isesaki-admin@demo.test' },
  { name: 'staff', email: 'isesaki-staff@demo.test' },
] as const

interface AdminPage {
  name: string
  path: string
  /** Present once the page has rendered what axe must see. */
  ready: string
  /** Brings up a panel that is not open on load. */
  open?: (page: Page) => Promise<void>
  /** Why the page cannot be opened: a gap in this test's data, reported as a failure. */
  gap?: string
}

/** GET /api/access, sanitised by Payload: an entity or an operation allowed outright is `true`, one refused is left out. */
type EntityAccess = true | Record<string, true | { permission: boolean } | undefined> | undefined
interface AccessResult {
  collections?: Record<string, EntityAccess>
  globals?: Record<string, EntityAccess>
}

function allows(entity: EntityAccess, operation: 'read' | 'create'): boolean {
  if (entity === true) return true
  const allowed = entity?.[operation]
  return allowed === true || allowed?.permission === true
}

let server: AdminTestServer
let browser: Browser
/** The policy whose save proposed a terms change: its terms-change tab shows the 新旧対照表 and the form. */
let proposedPolicyId: string
let templateId: string

beforeAll(async () => {
  server = await startAdminTestServer()
  browser = await launchBrowser()
  proposedPolicyId = await proposeTermsChange('isesaki')
  await giveEveryCollectionADocument('isesaki')
  const { docs } = await server.payload.find({
    collection: 'terms-templates',
    limit: 1,
    depth: 0,
  })
  templateId = String(docs[0]!.id)
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** A copy of the office's policy from a future date with one window moved: a proposed change. */
async function proposeTermsChange(officeSlug: string): Promise<string> {
  const { docs } = await server.payload.find({
    collection: 'reservation-policies',
    where: { 'office.slug': { equals: officeSlug } },
    sort: '-effectiveFrom',
    limit: 1,
    depth: 0,
  })
  const current = docs[0]!
  // Array rows keep their ids in the copy unless taken out, and ids are unique per table.
  const withoutRowIds = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map((row) => {
          if (!row || typeof row !== 'object') return row
          const { id: _id, ...rest } = row as Record<string, unknown>
          return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withoutRowIds(v)]))
        })
      : value
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = current
  const copy = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, withoutRowIds(value)]),
  ) as Omit<ReservationPolicy, 'id' | 'createdAt' | 'updatedAt'>
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
  const clock = (total: number) =>
    `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
  // The first window starts one session later: still whole sessions, and a change the terms print.
  const windows = copy.windows
  const first = windows[0]!
  expect(minutes(first.end) - minutes(first.start)).toBeGreaterThanOrEqual(2 * copy.sessionMinutes)
  windows[0] = { ...first, start: clock(minutes(first.start) + copy.sessionMinutes) }
  const created = await server.payload.create({
    collection: 'reservation-policies',
    data: { ...copy, effectiveFrom: addDays(tokyoToday(), 70), windows },
    depth: 0,
  })
  return String(created.id)
}

/** A GET from inside the page, with the session's cookie, as the admin's own requests go. */
function getJson(page: Page, path: string): Promise<unknown> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin' })
    if (!response.ok) throw new Error(`${url}: ${response.status}`)
    return response.json()
  }, path)
}

/**
 * The demo has no booking, applicant standing or claim: one of each, so that every collection
 * has an edit view to open. The booking is one staff make on a weekday three days ahead.
 */
async function giveEveryCollectionADocument(officeSlug: string): Promise<void> {
  const { docs: offices } = await server.payload.find({
    collection: 'offices',
    where: { slug: { equals: officeSlug } },
    limit: 1,
    depth: 0,
  })
  const office = offices[0]!.id
  let day = addDays(tokyoToday(), 3)
  for (;;) {
    const noon = new Date(tokyoDayStart(day).getTime() + 12 * 3_600_000)
    const weekday = noon.getUTCDay()
    const yearEnd = /-12-(29|30|31)$|-01-0[1-3]$/.test(day)
    if (weekday >= 1 && weekday <= 5 && !holidayJp.isHoliday(noon) && !yearEnd) break
    day = addDays(day, 1)
  }
  await server.payload.create({
    collection: 'bookings',
    data: {
      office,
      slotStart: `${day}T11:00:00+09:00`,
      channel: 'staff-scheduled',
      tool: 'zoom',
      meetingUrl: 'https://zoom.example/j/1234567890',
      eligibility: { registered: true, 'video-device': true },
      applicant: {
        name: '検証 花子',
        email: 'hanako@example.jp',
        phone: '09012345678',
        jobSeekerNumber: '10010-123456',
        desiredDateTime: `${day} 11:00`,
      },
    } as never,
    context: withBookingContext({ now: new Date().toISOString() }),
  })
  await server.payload.create({
    collection: 'applicant-standings',
    data: { office, applicantKey: 'accessibility-test', label: '検証用', noShowCount: 1 } as never,
  })
  await claimOnce(server.payload, { key: 'accessibility-test', kind: 'job-run' })
}

/** Collections and globals the admin shows this user: not hidden, and readable by the user. */
async function configPages(session: AdminSession): Promise<AdminPage[]> {
  const access = (await getJson(session.page, '/api/access')) as AccessResult
  const me = (await getJson(session.page, '/api/users/me')) as { user: Record<string, unknown> }
  const shown = (hidden: unknown) =>
    !(typeof hidden === 'function' ? (hidden as (a: object) => boolean)({ user: me.user }) : hidden)
  const pages: AdminPage[] = []
  for (const collection of server.payload.config.collections) {
    const { slug } = collection
    if (!shown(collection.admin?.hidden) || !allows(access.collections?.[slug], 'read')) continue
    pages.push({
      name: `${slug} list`,
      path: `/admin/collections/${slug}`,
      ready: '.collection-list',
    })
    const { docs } = (await getJson(session.page, `/api/${slug}?limit=1&depth=0`)) as {
      docs: { id: string | number }[]
    }
    // A readable collection without a document to open is a gap in this test's data, not a pass.
    pages.push({
      name: `${slug} edit`,
      path: `/admin/collections/${slug}/${docs[0]?.id ?? ''}`,
      ready: '.collection-edit',
      ...(docs[0] ? {} : { gap: 'no document to open' }),
    })
    if (allows(access.collections?.[slug], 'create')) {
      pages.push({
        name: `${slug} create`,
        path: `/admin/collections/${slug}/create`,
        ready: '.collection-edit',
      })
    }
  }
  for (const global of server.payload.config.globals) {
    if (!shown(global.admin?.hidden) || !allows(access.globals?.[global.slug], 'read')) continue
    pages.push({
      name: `${global.slug} (global)`,
      path: `/admin/globals/${global.slug}`,
      ready: '.collection-edit, .global-edit',
    })
  }
  return pages
}

/** The screens outside the collection views: dashboard, account and the work screens. */
function workPages(role: (typeof ROLES)[number]['name']): AdminPage[] {
  const today = tokyoToday()
  const pages: AdminPage[] = [
    { name: 'dashboard', path: '/admin', ready: '.dashboard' },
    { name: 'account', path: '/admin/account', ready: '.collection-edit' },
    {
      name: 'bookings day',
      path: `/admin/bookings-day?date=${today}&days=1`,
      ready: '.kiyaku-search',
    },
    {
      name: 'bookings week',
      path: `/admin/bookings-day?date=${today}&days=7`,
      ready: '.kiyaku-search',
    },
    {
      name: 'bookings print',
      path: `/admin/bookings-print?date=${today}&days=7`,
      ready: '.kiyaku-print__day',
    },
  ]
  if (role === 'staff') return pages
  pages.push(
    { name: 'usage', path: '/admin/usage', ready: '.kiyaku-usage__figures' },
    {
      name: 'policy hours grid and closures calendar',
      path: `/admin/collections/reservation-policies/${proposedPolicyId}`,
      ready: '.kiyaku-calendar__month',
    },
    {
      name: 'terms change and edition publish',
      path: `/admin/collections/reservation-policies/${proposedPolicyId}/terms-change`,
      ready: '.kiyaku-compare',
    },
  )
  if (role === 'HQ') {
    pages.push({
      name: 'template publish',
      path: `/admin/collections/terms-templates/${templateId}`,
      ready: '.collection-edit',
      open: async (page) => {
        // By its place, not its wording: the button's text may be reworded.
        await page.locator('.kiyaku-policy-controls > button').first().click()
        await page.locator('.kiyaku-publish-panel input[type="checkbox"]').first().waitFor()
      },
    })
  }
  return pages
}

async function violationsOf(session: AdminSession, adminPage: AdminPage): Promise<AxeViolation[]> {
  const { page } = session
  await page.goto(adminPage.path)
  await page.waitForLoadState('networkidle')
  await page.locator(adminPage.ready).first().waitFor({ timeout: 60_000 })
  await adminPage.open?.(page)
  return seriousAxeViolations(page)
}

describe('accessibility of every admin page a role uses (axe-core: no serious or critical violation)', () => {
  const covered = new Set<string>()

  for (const role of ROLES) {
    it(
      role.name,
      async () => {
        const session = await openAdminAs(browser, server.url, role.email)
        try {
          const pages = [...workPages(role.name), ...(await configPages(session))]
          const failures: Record<string, AxeViolation[] | string> = {}
          for (const adminPage of pages) {
            covered.add(adminPage.path.split('/')[3] ?? '')
            if (adminPage.gap) {
              failures[adminPage.name] = adminPage.gap
              continue
            }
            try {
              const violations = await violationsOf(session, adminPage)
              if (violations.length > 0) failures[adminPage.name] = violations
            } catch (error) {
              failures[adminPage.name] =
                `did not render: ${(error as Error).message.split('\n')[0]}`
            }
          }
          expect(failures).toEqual({})
          expect(session.outsideRequests).toEqual([])
        } finally {
          await session.close()
        }
      },
      900_000,
    )
  }

  it('covered every collection the admin shows', () => {
    const shownSlugs = server.payload.config.collections
      .filter((collection) => collection.admin?.hidden !== true)
      .map((collection) => collection.slug)
    expect(shownSlugs.length).toBeGreaterThan(5)
    expect(shownSlugs.filter((slug) => !covered.has(slug))).toEqual([])
  })
})
