import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { minimumNoticeDays } from '../../../src/services/terms/queries'
import { startTestServer, type TestServer } from '../../support/server'
import { addDays, Api, HQ, ISESAKI_ADMIN, officeIdOf, tokyoToday } from './support'

const NEW_SIGNATORY = '伊勢崎公共職業安定所長　試験　太郎'
const NEW_NAME = 'ハローワーク伊勢崎（本庁舎）'
const NEW_PHONE = '0270-00-1234'

describe('an office change the terms print proposes a new edition', () => {
  let server: TestServer
  let api: Api
  let isesaki: number | string

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

  it('proposes nothing when only fields the terms do not print change', async () => {
    const updated = await api.request('PATCH', `/api/offices/${isesaki}`, {
      as: ISESAKI_ADMIN,
      body: { staffNotes: '窓口の担当を変更しました。' },
    })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
    expect(updated.body.doc.staffNotes).toBe('窓口の担当を変更しました。')
    expect(await draftsOfIsesaki()).toHaveLength(0)
  })

  it('proposes a draft edition and a draft ground-2 notice when HQ changes the signatory', async () => {
    const updated = await api.request('PATCH', `/api/offices/${isesaki}`, {
      as: HQ,
      body: { signatoryTitle: NEW_SIGNATORY },
    })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)

    // The earliest day a ground-2 change may take effect.
    const effectiveFrom = addDays(tokyoToday(), await minimumNoticeDays(server.payload))
    const drafts = await draftsOfIsesaki()
    expect(drafts).toHaveLength(1)
    expect(drafts[0]).toMatchObject({ effectiveFrom, status: 'draft' })
    expect((drafts[0]!.content as { signatory: string }).signatory).toBe(NEW_SIGNATORY)

    const { docs: notices } = await server.payload.find({
      collection: 'change-notices',
      where: { edition: { equals: drafts[0]!.id } },
      depth: 0,
    })
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ status: 'draft', ground: '2', effectiveFrom })
  })

  it("brings the same draft up to date when the office's admin renames the office", async () => {
    const updated = await api.request('PATCH', `/api/offices/${isesaki}`, {
      as: ISESAKI_ADMIN,
      body: { name: NEW_NAME },
    })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)

    const drafts = await draftsOfIsesaki()
    expect(drafts).toHaveLength(1)
    const text = JSON.stringify(drafts[0]!.content)
    expect(text).toContain(NEW_NAME)
    expect((drafts[0]!.content as { signatory: string }).signatory).toBe(NEW_SIGNATORY)
  })

  it('prints a new public phone where the terms tell applicants to call', async () => {
    const updated = await api.request('PATCH', `/api/offices/${isesaki}`, {
      as: ISESAKI_ADMIN,
      body: { phone: NEW_PHONE },
    })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)

    const drafts = await draftsOfIsesaki()
    expect(drafts).toHaveLength(1)
    expect(JSON.stringify(drafts[0]!.content)).toContain(`電話（${NEW_PHONE}）`)
  })
})
