import { describe, expect, it, vi } from 'vitest'

import { closedDayReason } from '../../../src/rules/booking/checkClosedDay'
import { tokyoDay } from '../../../src/lib/tokyoTime'
import { docFromPolicy } from '../../../src/services/policies/policyFromDoc'
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
import { addDays, demoTemplateId, HQ, tokyoToday } from './support'

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

  it('mails a first edition that replaces terms the office had before Kiyaku, as its notice says', async () => {
    const { payload } = suite.ctx.server
    const office = await payload.create({
      collection: 'offices',
      data: {
        slug: 'had-terms-before',
        name: 'ハローワーク導入前規約',
        signatoryTitle: '導入前規約公共職業安定所長',
        prefecture: '福岡県',
        hadTermsBeforeKiyaku: true,
      },
    })
    await payload.create({
      collection: 'reservation-policies',
      data: { ...docFromPolicy(kitakyushuPolicy), office: office.id, effectiveFrom: '2025-04-01' },
      context: { seeding: true },
    })
    const effectiveFrom = openDayFrom(addDays(tokyoToday(), 35))
    // Booked under the terms in force before Kiyaku (imported as it was, past the hooks).
    await payload.db.create({
      collection: 'bookings',
      data: {
        office: office.id,
        slotStart: new Date(`${effectiveFrom}T10:00:00+09:00`).toISOString(),
        slotEnd: new Date(`${effectiveFrom}T10:30:00+09:00`).toISOString(),
        channel: 'staff-scheduled',
        status: 'confirmed',
        reference: 'PRE-KIYAKU-1',
        applicant: { name: '田中 四郎', email: 'before-kiyaku@example.test' },
      },
      req: {} as never,
    })

    const hq = bearer(await login(suite.ctx.server.url, HQ))
    const draft = await postJson(
      `${suite.ctx.server.url}/api/terms-editions`,
      {
        office: office.id,
        effectiveFrom,
        status: 'draft',
        template: await demoTemplateId(payload),
      },
      hq,
    )
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    expect(draft.body.doc.number).toBe(1)
    const published = await postJson(
      `${suite.ctx.server.url}/api/terms-editions/${draft.body.doc.id}/publish`,
      {
        ground: '2',
        reasonFactors: {
          necessity: '本部のひな形に合わせて利用規約を作り直すためです。',
          appropriateness: '相談の受付方法と時間は変わりません。',
          changeClause: '現在の利用規約は、変更の要件と周知の方法を定めています。',
          disadvantage: '変更前の予約は、そのまま受け付けます。',
        },
      },
      hq,
    )
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    // Announced as a change, and mailed as one.
    expect(published.body.notice).toMatchObject({ ground: '2' })
    const mail = await suite.ctx.smtp.waitFor(
      mailTo('before-kiyaku@example.test', /利用規約の変更/),
    )
    expect(mail.text).toContain('ハローワーク導入前規約')
  })
})
