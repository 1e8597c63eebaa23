import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { closedDayReason } from '../../../src/rules/booking/checkClosedDay'
import { tokyoDay } from '../../../src/lib/tokyoTime'
import { demoPolicies } from '../../../src/seed/policies'
import { DEMO_PENDING_CHANGE_DAYS_AHEAD } from '../../../src/seed/seedTerms'
import { docFromPolicy } from '../../../src/services/policies/policyFromDoc'
import { startTestServer, type TestServer } from '../../support/server'
import { addDays, Api, errorCode, ISESAKI_ADMIN, officeIdOf, tokyoToday } from './support'

const STAFF = 'isesaki-staff@demo.test'
const isesakiPolicy = demoPolicies.isesaki

/** The first date on or after `from` with 伊勢崎 hours and the office open. */
function openDayFrom(from: string): string {
  let day = from
  while (
    !isesakiPolicy.windows.some((w) => w.weekday === tokyoDay(day).weekday) ||
    closedDayReason(day, isesakiPolicy)
  ) {
    day = addDays(day, 1)
  }
  return day
}

/** The last open date before `date`. */
function openDayBefore(date: string): string {
  let day = addDays(date, -1)
  while (
    !isesakiPolicy.windows.some((w) => w.weekday === tokyoDay(day).weekday) ||
    closedDayReason(day, isesakiPolicy)
  ) {
    day = addDays(day, -1)
  }
  return day
}

const at = (date: string, time: string) => `${date}T${time}:00+09:00`

/**
 * 伊勢崎's terms (第6条(4)) say cancellations come by phone. The office changes that to e-mail: the
 * change is enforced only from the effective date of the published edition that carries it.
 */
describe('伊勢崎 changes its cancellation method', () => {
  let server: TestServer
  let api: Api
  let payload: Payload
  let isesaki: number | string
  let staff: Awaited<ReturnType<Payload['find']>>['docs'][number]
  // After the seeded pending change, and far enough ahead for the 30-day notice.
  const changeDay = openDayFrom(addDays(tokyoToday(), DEMO_PENDING_CHANGE_DAYS_AHEAD + 15))
  const dayBefore = openDayBefore(changeDay)
  let inForcePolicyId: number | string
  let newPolicyId: number | string
  let draftId: number | string
  let serial = 0

  beforeAll(async () => {
    server = await startTestServer()
    api = new Api(server)
    payload = server.payload
    isesaki = await officeIdOf(payload, 'isesaki')
    staff = (await payload.find({ collection: 'users', where: { email: { equals: STAFF } } }))
      .docs[0]!
    const { docs } = await payload.find({
      collection: 'reservation-policies',
      where: { office: { equals: isesaki } },
      sort: '-effectiveFrom',
      limit: 1,
    })
    inForcePolicyId = docs[0]!.id
  })
  afterAll(async () => {
    await server?.close()
  })

  /** A staff booking for a slot, made a few days before it (the policy's lead time holds). */
  async function bookAndCancel(date: string, time: string, cancelVia: 'phone' | 'email') {
    serial++
    const booking = await payload.create({
      collection: 'bookings',
      data: {
        office: isesaki as number,
        slotStart: at(date, time),
        channel: 'staff-scheduled',
        tool: 'teleoffice',
        applicant: {
          name: '鈴木 二郎',
          email: `cancel-${serial}@example.test`,
          jobSeekerNumber: `10010-${String(serial).padStart(5, '0')}`,
          desiredDateTime: '午前',
        },
        eligibility: Object.fromEntries(isesakiPolicy.eligibility.map((s) => [s.id, true])),
        consent: { shownVia: 'phone' },
      } as never,
      user: staff,
      overrideAccess: false,
      context: { kiyakuBooking: { now: at(addDays(date, -3), '09:00') } },
    })
    // cancelMethodOffered is new: payload-types is regenerated after merging.
    return (await payload.update({
      collection: 'bookings',
      id: booking.id,
      data: { status: 'cancelled', cancelVia } as never,
      user: staff,
      overrideAccess: false,
      context: { kiyakuBooking: { now: at(addDays(date, -1), '09:00') } },
    })) as Awaited<ReturnType<Payload['update']>> & { cancelMethodOffered?: boolean | null }
  }

  async function publicCancelBy(date: string): Promise<string[]> {
    const response = await api.request('GET', `/public/v1/offices/isesaki/policy?at=${date}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body.policy.channels[0].cancelBy
  }

  it('refuses to edit the policy the published terms print (409), but not its capacity', async () => {
    const edit = await api.request('PATCH', `/api/reservation-policies/${inForcePolicyId}`, {
      as: ISESAKI_ADMIN,
      body: {
        channels: docFromPolicy({
          ...isesakiPolicy,
          channels: [{ ...isesakiPolicy.channels[0]!, cancelBy: ['email'] }],
        }).channels,
      },
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(409)
    expect(errorCode(edit.body)).toBe('policy_governs_terms')
    expect(edit.body.errors[0].message).toMatch(/第1版/)
    const remove = await api.request('DELETE', `/api/reservation-policies/${inForcePolicyId}`, {
      as: ISESAKI_ADMIN,
    })
    expect(remove.status).toBe(409)
    expect(errorCode(remove.body)).toBe('policy_governs_terms')
    const capacity = await api.request('PATCH', `/api/reservation-policies/${inForcePolicyId}`, {
      as: ISESAKI_ADMIN,
      body: { capacityPerSlot: 2 },
    })
    expect(capacity.status, JSON.stringify(capacity.body)).toBe(200)
    expect(
      (await payload.findByID({ collection: 'reservation-policies', id: inForcePolicyId }))
        .channels[0]!.cancelBy,
    ).toEqual(['phone'])
  })

  it('keeps bookings on the phone rule while the change is only a draft', async () => {
    const created = await api.request('POST', '/api/reservation-policies', {
      as: ISESAKI_ADMIN,
      body: {
        ...docFromPolicy({
          ...isesakiPolicy,
          effectiveFrom: changeDay,
          channels: [{ ...isesakiPolicy.channels[0]!, cancelBy: ['email'] }],
        }),
        office: isesaki,
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    newPolicyId = created.body.doc.id
    const { docs: drafts } = await payload.find({
      collection: 'terms-editions',
      where: { office: { equals: isesaki }, status: { equals: 'draft' } },
    })
    expect(drafts).toHaveLength(1)
    draftId = drafts[0]!.id
    expect(drafts[0]!.effectiveFrom).toBe(changeDay)

    expect(await publicCancelBy(changeDay)).toEqual(['phone'])
    const byEmail = await bookAndCancel(changeDay, '10:00', 'email')
    expect(byEmail).toMatchObject({
      status: 'cancelled',
      cancelVia: 'email',
      cancelMethodOffered: false,
    })
    const byPhone = await bookAndCancel(changeDay, '10:30', 'phone')
    expect(byPhone.cancelMethodOffered).toBe(true)
  })

  it('follows the e-mail rule from the effective date of the published edition, the phone rule before', async () => {
    const published = await api.request('POST', `/api/terms-editions/${draftId}/publish`, {
      as: ISESAKI_ADMIN,
      body: {
        ground: '2',
        reasonFactors: {
          necessity:
            '電話がつながりにくいとのご意見を受け、キャンセルの連絡をメールで受け付けるためです。',
          appropriateness: 'メールは予約の確認にも使っており、利用者の多くが使える方法です。',
          changeClause: '現在の利用規約は、変更の要件と周知の方法を定めています。',
          disadvantage: '変更前の予約は、従来どおり電話でキャンセルできます。',
        },
      },
    })
    expect(published.status, JSON.stringify(published.body)).toBe(200)

    expect(await publicCancelBy(dayBefore)).toEqual(['phone'])
    expect(await publicCancelBy(changeDay)).toEqual(['email'])
    expect((await bookAndCancel(dayBefore, '11:00', 'email')).cancelMethodOffered).toBe(false)
    expect((await bookAndCancel(dayBefore, '11:30', 'phone')).cancelMethodOffered).toBe(true)
    expect((await bookAndCancel(changeDay, '11:00', 'email')).cancelMethodOffered).toBe(true)
    expect((await bookAndCancel(changeDay, '11:30', 'phone')).cancelMethodOffered).toBe(false)
  })

  it('then refuses to edit the new policy too', async () => {
    const edit = await api.request('PATCH', `/api/reservation-policies/${newPolicyId}`, {
      as: ISESAKI_ADMIN,
      body: { noShowGraceMinutes: 20 },
    })
    expect(edit.status).toBe(409)
    expect(errorCode(edit.body)).toBe('policy_governs_terms')
    expect(edit.body.errors[0].data.fields).toEqual(['noShowGraceMinutes'])
  })
})
