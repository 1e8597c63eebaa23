import { afterAll, beforeAll } from 'vitest'
import type { Payload } from 'payload'

import { closedDayReason } from '../../../src/rules/booking/checkClosedDay'
import { addDays, tokyoDateOf, tokyoDay } from '../../../src/lib/tokyoTime'
import type { BookingPolicy } from '../../../src/rules/booking/types'
import { hqTemplate } from '../../../src/seed/template'
import { demoPolicies } from '../../../src/seed/policies'
import { startTestServer, type TestServer } from '../../support/server'
import { startSmtpReceiver, type ReceivedMail } from '../../support/smtp'

export const KITAKYUSHU = 'kitakyushu-mothers'
export const ISESAKI = 'isesaki'
export const kitakyushuPolicy: BookingPolicy = demoPolicies[KITAKYUSHU]
export const isesakiPolicy: BookingPolicy = demoPolicies[ISESAKI]

/** Links in mail carry this origin; tests swap in the real server's. */
export const MAILED_PUBLIC_URL = 'http://kiyaku.test'

type Smtp = Awaited<ReturnType<typeof startSmtpReceiver>>

export interface BookingTestContext {
  server: TestServer
  smtp: Smtp
  officeIds: Record<string, number | string>
  editions: Record<string, number>
  close: () => Promise<void>
}

export interface BookingSuite {
  ctx: BookingTestContext
  /** The public API: `${server}/public/v1`. */
  base: string
  /** Bookable 北九州 dates from the day after tomorrow. */
  dates: string[]
  /** The 北九州 edition number in force, to consent to. */
  edition: () => number
}

/**
 * The suite's booking server, started before its tests and closed after them. Read the fields
 * inside tests and hooks: they are filled in when the server is up.
 */
export function bookingSuite(dateCount: number): BookingSuite {
  const suite = { edition: () => suite.ctx.editions[KITAKYUSHU]! } as BookingSuite
  beforeAll(async () => {
    suite.ctx = await startBookingServer()
    suite.base = `${suite.ctx.server.url}/public/v1`
    suite.dates = bookableDates(kitakyushuPolicy, dateCount)
  })
  afterAll(async () => {
    await suite.ctx?.close()
  })
  return suite
}

/** The SMTP receiver first (its URL goes into the server's env), then a seeded server. */
export async function startBookingServer(
  env: Record<string, string> = {},
): Promise<BookingTestContext> {
  const smtp = await startSmtpReceiver()
  const server = await startTestServer({
    env: {
      SMTP_URL: smtp.url,
      PUBLIC_URL: MAILED_PUBLIC_URL,
      KIYAKU_PUBLIC_RATE_LIMIT: '100000',
      ...env,
    },
  })
  const officeIds: Record<string, number | string> = {}
  const editions: Record<string, number> = {}
  for (const slug of [KITAKYUSHU, ISESAKI]) {
    officeIds[slug] = await officeIdOf(server.payload, slug)
    editions[slug] = await ensurePublishedEdition(server.payload, officeIds[slug]!)
  }
  return {
    server,
    smtp,
    officeIds,
    editions,
    close: async () => {
      await server.close()
      await smtp.close()
    },
  }
}

export async function officeIdOf(payload: Payload, slug: string): Promise<number | string> {
  const { docs } = await payload.find({
    collection: 'offices',
    where: { slug: { equals: slug } },
    limit: 1,
  })
  if (!docs[0]) throw new Error(`no office ${slug}`)
  return docs[0].id
}

/**
 * The number of the published terms edition in force for the office today. The seed may provide
 * one; otherwise one is published here, composed from the demo template by the terms hooks.
 */
export async function ensurePublishedEdition(
  payload: Payload,
  officeId: number | string,
): Promise<number> {
  const today = tokyoDateOf(new Date())
  const inForce = await payload.find({
    collection: 'terms-editions',
    where: {
      office: { equals: officeId },
      status: { equals: 'published' },
      effectiveFrom: { less_than_equal: today },
    },
    sort: '-effectiveFrom',
    limit: 1,
  })
  if (inForce.docs[0]) return inForce.docs[0].number
  const existing = await payload.find({
    collection: 'terms-editions',
    where: { office: { equals: officeId } },
    sort: '-number',
    limit: 1,
  })
  const number = (existing.docs[0]?.number ?? 0) + 1
  const templates = await payload.find({ collection: 'terms-templates', limit: 1 })
  const template =
    templates.docs[0] ??
    (await payload.create({
      collection: 'terms-templates',
      data: {
        name: 'テスト用テンプレート',
        version: 1,
        document: hqTemplate as unknown as Record<string, unknown>,
      },
    }))
  const edition = await payload.create({
    collection: 'terms-editions',
    data: {
      office: officeId as number,
      number,
      effectiveFrom: '2025-04-01',
      status: 'published',
      template: template.id,
      publishedKey: `${officeId}|2025-04-01`,
    },
    context: { seeding: true },
  })
  return edition.number
}

const isoWeekday = (date: string) => tokyoDay(date).weekday

/**
 * JST dates from `from` on (default: the day after tomorrow, so lead times never interfere) on
 * which the policy has windows and the office is open, within its booking window.
 */
export function bookableDates(
  policy: BookingPolicy,
  count: number,
  from = addDays(tokyoDateOf(new Date()), 2),
): string[] {
  const last = addDays(tokyoDateOf(new Date()), policy.bookingWindowDays)
  const dates: string[] = []
  for (let date = from; date <= last && dates.length < count; date = addDays(date, 1)) {
    const weekday = isoWeekday(date)
    if (!policy.windows.some((window) => window.weekday === weekday)) continue
    if (closedDayReason(date, policy)) continue
    dates.push(date)
  }
  if (dates.length < count) throw new Error(`only ${dates.length} bookable dates found`)
  return dates
}

export function at(date: string, time: string): string {
  return `${date}T${time}:00+09:00`
}

let serial = 0
export function uniqueEmail(label = 'applicant'): string {
  serial++
  return `${label}-${process.pid}-${serial}@example.test`
}

export function applicant(overrides: Record<string, unknown> = {}) {
  return { name: '山田 花子', email: uniqueEmail(), phone: '090-1234-5678', ...overrides }
}

export function allEligible(policy: BookingPolicy): Record<string, boolean> {
  return Object.fromEntries(policy.eligibility.map((statement) => [statement.id, true]))
}

export function selfServiceBody(
  edition: number,
  slotStart: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    slotStart,
    applicant: applicant(),
    consent: { termsEdition: edition, agreed: true },
    eligibility: allEligible(kitakyushuPolicy),
    ...overrides,
  }
}

/**
 * A decoded JSON body. Tests read response bodies loosely on purpose: each assertion states the
 * shape it expects, and a wrong guess fails the assertion rather than the compile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface JsonResponse<T = Json> {
  status: number
  body: T
}

export async function postJson<T = Json>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<JsonResponse<T>> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

export async function getJson<T = Json>(
  url: string,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(url, { headers })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

/** The first link in a mail to `path`, moved onto the test server's origin. */
export function linkIn(mail: ReceivedMail, path: string, serverUrl: string): string {
  const pattern = new RegExp(
    `${MAILED_PUBLIC_URL.replace(/[.]/g, '\\.')}${path.replace(/[/]/g, '\\/')}\\?token=[A-Za-z0-9_-]+`,
  )
  const found = pattern.exec(mail.text)
  if (!found) throw new Error(`no ${path} link in the mail`)
  return found[0].replace(MAILED_PUBLIC_URL, serverUrl)
}

export function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token') ?? ''
}

export function mailTo(address: string, subject: RegExp) {
  return (mail: ReceivedMail) => mail.to.includes(address) && subject.test(mail.subject)
}
