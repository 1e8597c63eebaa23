import { describe, expect, it, vi } from 'vitest'

import { closedDayReason } from '../../../src/rules/booking/checkClosedDay'
import { tokyoDay } from '../../../src/lib/tokyoTime'
import { kitakyushuOverrides } from '../../../src/seed/template'
import { bearer, login } from '../../support/server'
import {
  allEligible,
  bookingSuite,
  KITAKYUSHU,
  kitakyushuPolicy,
  MAILED_PUBLIC_URL,
  mailTo,
  postJson,
} from '../booking/support'
import { addDays, demoTemplateId, tokyoToday } from './support'

const suite = bookingSuite(1)

function openDayFrom(from: string): string {
  let day = from
  while (
    !kitakyushuPolicy.windows.some((w) => w.weekday === tokyoDay(day).weekday) ||
    closedDayReason(day, kitakyushuPolicy)
  ) {
    day = addDays(day, 1)
  }
  return day
}

describe('a published change is mailed to the applicants it affects', () => {
  it('mails those booked on or after its effective date, and not the others', async () => {
    vi.stubEnv('PUBLIC_URL', 'http://unvalidated.test')
    const { payload } = suite.ctx.server
    const office = suite.ctx.officeIds[KITAKYUSHU]!
    const effectiveFrom = openDayFrom(addDays(tokyoToday(), 35))
    const before = openDayFrom(addDays(tokyoToday(), 3))
    const book = (date: string, email: string) =>
      payload.create({
        collection: 'bookings',
        data: {
          office: office as number,
          slotStart: `${date}T10:00:00+09:00`,
          channel: 'staff-scheduled',
          status: 'confirmed',
          applicant: {
            name: '田中 三郎',
            phone: '09011112222',
            desiredDateTime: '午前',
            email,
            jobSeekerNumber: '40010-700001',
          },
          eligibility: allEligible(kitakyushuPolicy),
        },
        context: { kiyakuBooking: { now: `${addDays(date, -2)}T09:00:00+09:00` } },
      })
    await book(effectiveFrom, 'affected@example.test')
    await book(before, 'unaffected@example.test')

    const admin = bearer(await login(suite.ctx.server.url, 'kitakyushu-admin@demo.test'))
    const draft = await postJson(
      `${suite.ctx.server.url}/api/terms-editions`,
      {
        office,
        effectiveFrom,
        status: 'draft',
        template: await demoTemplateId(payload),
        overrides: [
          ...kitakyushuOverrides,
          {
            op: 'replace',
            article: {
              key: 'damages',
              heading: '損害賠償',
              paragraphs: [
                {
                  text: [
                    {
                      text: '利用者が故意又は重大な過失により本規約に反して当所に損害を与えたときは、その損害を賠償しなければなりません。',
                    },
                  ],
                },
              ],
            },
          },
        ],
      },
      admin,
    )
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const published = await postJson(
      `${suite.ctx.server.url}/api/terms-editions/${draft.body.doc.id}/publish`,
      { ground: '1', reasons: '利用者の賠償の範囲を故意又は重大な過失の場合に限るためです。' },
      admin,
    )
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    const mail = await suite.ctx.smtp.waitFor(mailTo('affected@example.test', /利用規約の変更/))
    // The link is on the server's validated PUBLIC_URL, not whatever process.env holds.
    expect(mail.text).toContain(`${MAILED_PUBLIC_URL}/public/v1/offices/${KITAKYUSHU}/notices`)
    expect(mail.text).not.toContain('unvalidated.test')
    expect(suite.ctx.smtp.inbox.some((m) => m.to.includes('unaffected@example.test'))).toBe(false)
    vi.unstubAllEnvs()
  })
})
