import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkSlotInWindow } from '../../../src/rules/booking/checkSlotInWindow'
import { tokyoDay } from '../../../src/lib/tokyoTime'
import { demoPolicies } from '../../../src/seed/policies'
import { DEMO_PENDING_CHANGE_DAYS_AHEAD } from '../../../src/seed/seedTerms'
import {
  policiesForOffice,
  policyRecordInForce,
  storedPoliciesForOffice,
} from '../../../src/services/policies/policiesForOffice'
import { docFromPolicy } from '../../../src/services/policies/policyFromDoc'
import { proposeEditionForPolicy } from '../../../src/services/terms/propose'
import { startTestServer, type TestServer } from '../../support/server'
import {
  addDays,
  Api,
  articleText,
  errorCode,
  HQ,
  ISESAKI_ADMIN,
  officeIdOf,
  tokyoToday,
} from './support'

const BASE = '/public/v1/offices/isesaki'
const NEW_COURT = '前橋地方裁判所高崎支部'

/** The first Monday on or after a date. */
function mondayFrom(date: string): string {
  let day = date
  while (tokyoDay(day).weekday !== 1) day = addDays(day, 1)
  return day
}

describe('a policy change flows into the terms and the booking rules', () => {
  let server: TestServer
  let api: Api
  let isesaki: number | string
  // After the seeded pending change (45 days), so the proposal builds on edition 2.
  const effectiveFrom = addDays(tokyoToday(), DEMO_PENDING_CHANGE_DAYS_AHEAD + 15)
  let policyId: number | string
  let proposedEditionId: number | string

  beforeAll(async () => {
    server = await startTestServer()
    api = new Api(server)
    isesaki = await officeIdOf(server.payload, 'isesaki')
  })
  afterAll(async () => {
    await server?.close()
  })

  async function draftsOfIsesaki() {
    const { docs } = await server.payload.find({
      collection: 'terms-editions',
      where: { office: { equals: isesaki }, status: { equals: 'draft' } },
      depth: 0,
    })
    return docs
  }

  it('proposes nothing for a change the terms do not state', async () => {
    const between = addDays(tokyoToday(), DEMO_PENDING_CHANGE_DAYS_AHEAD + 5)
    const created = await api.request('POST', '/api/reservation-policies', {
      as: ISESAKI_ADMIN,
      body: {
        ...docFromPolicy({ ...demoPolicies.isesaki, effectiveFrom: between, capacityPerSlot: 2 }),
        office: isesaki,
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(await draftsOfIsesaki()).toHaveLength(0)
    const outcome = await proposeEditionForPolicy(server.payload, created.body.doc)
    expect(outcome.status).toBe('unchanged')
  })

  it('proposes a draft edition and a draft ground-2 notice when the court and hours change', async () => {
    const policy = {
      ...docFromPolicy({
        ...demoPolicies.isesaki,
        effectiveFrom,
        court: NEW_COURT,
        windows: [1, 2, 3, 4, 5].map((weekday) => ({
          weekday: weekday as 1,
          start: '10:00',
          end: '12:00',
        })),
      }),
      office: isesaki,
    }
    const created = await api.request('POST', '/api/reservation-policies', {
      as: ISESAKI_ADMIN,
      body: policy,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    policyId = created.body.doc.id

    const drafts = await draftsOfIsesaki()
    expect(drafts).toHaveLength(1)
    const draft = drafts[0]!
    proposedEditionId = draft.id
    expect(draft).toMatchObject({ effectiveFrom, status: 'draft', number: 3 })
    const content = draft.content as { articles: { key: string; paragraphs: unknown[] }[] }
    const text = JSON.stringify(content)
    expect(text).toContain(NEW_COURT)
    expect(text).toContain('平日10:00～12:00の間')
    // The proposal keeps what the edition in force says beyond the policy (the seeded article).
    expect(content.articles.some((a) => a.key === 'suspension')).toBe(true)

    const { docs: notices } = await server.payload.find({
      collection: 'change-notices',
      where: { edition: { equals: draft.id } },
      depth: 0,
    })
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ status: 'draft', ground: '2', effectiveFrom })
    const changed = (notices[0]!.changedArticles as { key: string }[]).map((c) => c.key)
    expect(changed).toEqual(expect.arrayContaining(['booking', 'jurisdiction']))
  })

  it('keeps the booking rules on the published terms while the change is a draft', async () => {
    // Rewritten: this test once asserted that the new hours governed while the edition was a
    // draft. A change the terms print is enforced only through the published edition.
    const records = await policiesForOffice(server.payload, isesaki)
    const monday = mondayFrom(effectiveFrom)
    const afternoon = new Date(`${monday}T14:00:00+09:00`)
    const governing = policyRecordInForce(records, afternoon)
    expect(String(governing?.termsPolicyId)).not.toBe(String(policyId))
    expect(governing?.policy.court).toBe(demoPolicies.isesaki.court)
    expect(checkSlotInWindow(governing!.policy, afternoon)).toBeNull()
    const stored = policyRecordInForce(
      await storedPoliciesForOffice(server.payload, isesaki),
      afternoon,
    )
    expect(String(stored?.id)).toBe(String(policyId))
  })

  it('updates the same draft when the policy changes again', async () => {
    const again = await api.request('PATCH', `/api/reservation-policies/${policyId}`, {
      as: ISESAKI_ADMIN,
      body: { court: `${NEW_COURT}（第一審）` },
    })
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    const drafts = await draftsOfIsesaki()
    expect(drafts).toHaveLength(1)
    expect(drafts[0]!.id).toBe(proposedEditionId)
    expect(JSON.stringify(drafts[0]!.content)).toContain(`${NEW_COURT}（第一審）`)
    const restored = await api.request('PATCH', `/api/reservation-policies/${policyId}`, {
      as: ISESAKI_ADMIN,
      body: { court: NEW_COURT },
    })
    expect(restored.status).toBe(200)
  })

  it('reaches the public terms only once the admin publishes it with its notice', async () => {
    const hidden = await api.request('GET', `${BASE}/terms?at=${effectiveFrom}`)
    expect(hidden.body.edition.number).toBe(2)

    const noReasons = await api.request(
      'POST',
      `/api/terms-editions/${proposedEditionId}/publish`,
      {
        as: ISESAKI_ADMIN,
        body: { ground: '2' },
      },
    )
    expect(errorCode(noReasons.body)).toBe('reason_factors_missing')
    const otherOffice = await api.request(
      'POST',
      `/api/terms-editions/${proposedEditionId}/publish`,
      {
        as: 'kitakyushu-admin@demo.test',
        body: { ground: '1', reasons: 'x' },
      },
    )
    expect(otherOffice.status).toBe(403)

    const published = await api.request(
      'POST',
      `/api/terms-editions/${proposedEditionId}/publish`,
      {
        as: ISESAKI_ADMIN,
        body: {
          ground: '2',
          reasonFactors: {
            necessity: '裁判所の管轄の変更と、相談時間を午前に集約するためです。',
            appropriateness: '相談の時間帯を他の事業所とそろえます。',
            changeClause: '現在の利用規約は、変更の要件と周知の方法を定めています。',
            disadvantage: '午後を希望する方は、窓口での相談をご案内します。',
          },
        },
      },
    )
    expect(published.status, JSON.stringify(published.body)).toBe(200)

    const on = await api.request('GET', `${BASE}/terms?at=${effectiveFrom}`)
    expect(on.body.edition.number).toBe(3)
    expect(articleText(on.body, 'jurisdiction')).toContain(NEW_COURT)
    expect(articleText(on.body, 'booking')).toContain('平日10:00～12:00')
    const dayBefore = await api.request('GET', `${BASE}/terms?at=${addDays(effectiveFrom, -1)}`)
    expect(dayBefore.body.edition.number).toBe(2)
    expect(articleText(dayBefore.body, 'jurisdiction')).toContain(demoPolicies.isesaki.court)
    expect(dayBefore.body.upcoming).toMatchObject({ number: 3, effectiveFrom })

    const hq = await api.request(
      'GET',
      `/api/change-notices?where[edition][equals]=${proposedEditionId}`,
      { as: HQ },
    )
    expect(hq.body.docs[0]).toMatchObject({ status: 'published', ground: '2' })

    // From the edition's effective date the new policy governs the bookings; before it, the old.
    const records = await policiesForOffice(server.payload, isesaki)
    const monday = mondayFrom(effectiveFrom)
    const afternoon = new Date(`${monday}T14:00:00+09:00`)
    const inForce = policyRecordInForce(records, afternoon)
    expect(String(inForce?.termsPolicyId)).toBe(String(policyId))
    expect(inForce?.policy.court).toBe(NEW_COURT)
    expect(checkSlotInWindow(inForce!.policy, afternoon)?.code).toBe('outside_hours')
    expect(checkSlotInWindow(inForce!.policy, new Date(`${monday}T10:00:00+09:00`))).toBeNull()
    const before = policyRecordInForce(records, new Date(`${addDays(monday, -7)}T14:00:00+09:00`))
    expect(before?.policy.court).toBe(demoPolicies.isesaki.court)

    const locked = await api.request('PATCH', `/api/reservation-policies/${policyId}`, {
      as: ISESAKI_ADMIN,
      body: { court: `${NEW_COURT}（第一審）` },
    })
    expect(locked.status).toBe(409)
    expect(errorCode(locked.body)).toBe('policy_governs_terms')
  })
})
