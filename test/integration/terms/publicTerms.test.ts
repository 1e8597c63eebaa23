import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  DEMO_FIRST_EFFECTIVE_FROM,
  DEMO_PENDING_CHANGE_DAYS_AHEAD,
} from '../../../src/seed/seedTerms'
import { TERMS_CACHE_TTL_MS } from '../../../src/server/public/terms'
import { ONE_READ_ON_BUSY_CORES_MS } from '../../support/margins'
import { startTestServer, type TestServer } from '../../support/server'
import { addDays, Api, articleText, HQ, officeIdOf, tokyoToday } from './support'

const BASE = '/public/v1/offices/isesaki'

describe('public terms API', () => {
  let server: TestServer
  let api: Api
  const pendingFrom = addDays(tokyoToday(), DEMO_PENDING_CHANGE_DAYS_AHEAD)

  beforeAll(async () => {
    server = await startTestServer()
    api = new Api(server)
  })
  afterAll(async () => {
    await server?.close()
  })

  describe('which edition is in force', () => {
    it('has none the day before the first edition takes effect', async () => {
      const { status, body } = await api.request(
        'GET',
        `${BASE}/terms?at=${addDays(DEMO_FIRST_EFFECTIVE_FROM, -1)}`,
      )
      expect(status).toBe(404)
      expect(body.errors[0]).toMatchObject({ code: 'no_terms_in_force', field: 'at' })
      expect(body.errors[0].message).toContain('令和7年4月1日')
    })

    it('serves edition 1 from its effective date, announcing the pending change', async () => {
      const { status, body } = await api.request(
        'GET',
        `${BASE}/terms?at=${DEMO_FIRST_EFFECTIVE_FROM}`,
      )
      expect(status).toBe(200)
      expect(body.edition).toMatchObject({
        number: 1,
        effectiveFrom: '2025-04-01',
        effectiveFromJa: '令和7年4月1日',
        signatory: '伊勢崎公共職業安定所長',
      })
      expect(body.edition.contentHash).toMatch(/^[0-9a-f]{64}$/)
      expect(body.edition.preamble.length).toBeGreaterThan(0)
      expect(body.upcoming).toMatchObject({ number: 2, effectiveFrom: pendingFrom })
      expect(body.upcoming.notice).toMatchObject({ ground: '2', effectiveFrom: pendingFrom })
      expect(body.upcoming.notice.reasons).toBeTruthy()
    })

    it('still serves edition 1 on the day before the change, and edition 2 on its day', async () => {
      const before = await api.request('GET', `${BASE}/terms?at=${addDays(pendingFrom, -1)}`)
      expect(before.body.edition.number).toBe(1)
      expect(before.body.upcoming.number).toBe(2)
      const on = await api.request('GET', `${BASE}/terms?at=${pendingFrom}`)
      expect(on.body.edition.number).toBe(2)
      expect(on.body.edition.effectiveFrom).toBe(pendingFrom)
      expect(on.body.upcoming).toBeNull()
      expect(articleText(on.body, 'suspension')).toContain('一時的に停止')
    })

    it('serves today’s edition without ?at', async () => {
      const { body } = await api.request('GET', `${BASE}/terms`)
      expect(body.at).toBe(tokyoToday())
      expect(body.edition.number).toBe(1)
    })
  })

  describe('formats', () => {
    it('renders an accessible Japanese page for browsers, with the change announced first', async () => {
      const response = await api.request('GET', `${BASE}/terms`, {
        headers: { accept: 'text/html,*/*;q=0.8' },
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/html')
      expect(response.text).toContain('<html lang="ja">')
      const announcement = response.text.indexOf('利用規約の変更のお知らせ')
      const firstArticle = response.text.indexOf('第1条')
      expect(announcement).toBeGreaterThan(0)
      expect(announcement).toBeLessThan(firstArticle)
      const byParam = await api.request('GET', `${BASE}/terms?format=html`)
      expect(byParam.text).toBe(response.text)
    })

    it('renders plain text with both date forms of the edition', async () => {
      const response = await api.request('GET', `${BASE}/terms?format=text`)
      expect(response.headers.get('content-type')).toContain('text/plain')
      expect(response.text).toContain('第1条')
      expect(response.text).toContain('令和7年4月1日')
      expect(response.text).toContain('伊勢崎公共職業安定所長')
    })

    it('refuses malformed queries with a code and the field', async () => {
      for (const query of ['at=2025-02-30', 'at=yesterday', 'format=pdf']) {
        const { status, body } = await api.request('GET', `${BASE}/terms?${query}`)
        expect(status).toBe(400)
        expect(body.errors[0].code).toBe('invalid_query')
        expect(body.errors[0].field).toBe(query.split('=')[0])
      }
      const unknown = await api.request('GET', '/public/v1/offices/nowhere/terms')
      expect(unknown.status).toBe(404)
      expect(unknown.body.errors[0].code).toBe('office_not_found')
    })
  })

  describe('editions, notices and feed', () => {
    it('lists published editions with their status and serves each by number', async () => {
      const list = await api.request('GET', `${BASE}/terms/editions`)
      expect(
        list.body.editions.map((e: { number: number; status: string }) => [e.number, e.status]),
      ).toEqual([
        [1, 'in_force'],
        [2, 'upcoming'],
      ])
      expect(list.body.editions[0].effectiveUntil).toBe(addDays(pendingFrom, -1))
      const second = await api.request('GET', `${BASE}/terms/editions/2`)
      expect(second.body.edition).toMatchObject({ number: 2, effectiveFrom: pendingFrom })
      const missing = await api.request('GET', `${BASE}/terms/editions/9`)
      expect(missing.status).toBe(404)
      expect(missing.body.errors[0].code).toBe('edition_not_found')
    })

    it('lists published notices and offers them as an Atom feed', async () => {
      const notices = await api.request('GET', `${BASE}/notices`)
      expect(notices.body.notices).toHaveLength(1)
      const [notice] = notices.body.notices
      expect(notice).toMatchObject({
        ground: '2',
        effectiveFrom: pendingFrom,
        edition: { number: 2 },
      })
      expect(notice.statement).toContain('利用規約を変更します')
      expect(notice.changedArticles).toEqual([
        expect.objectContaining({ key: 'suspension', status: 'added' }),
      ])
      const atom = await api.request('GET', `${BASE}/notices.atom`)
      expect(atom.headers.get('content-type')).toContain('application/atom+xml')
      expect(atom.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">')
      expect(atom.text.match(/<entry>/g)).toHaveLength(1)
      expect(atom.text).toContain(notice.title)
    })
  })

  describe('caching', () => {
    it('answers a repeated conditional GET with 304', async () => {
      const first = await api.request('GET', `${BASE}/terms`)
      const etag = first.headers.get('etag')
      expect(etag).toMatch(/^"[^"]+"$/)
      expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/)
      for (let i = 0; i < 2; i++) {
        const again = await api.request('GET', `${BASE}/terms`, {
          headers: { 'if-none-match': etag! },
        })
        expect(again.status).toBe(304)
        expect(again.text).toBe('')
        expect(again.headers.get('etag')).toBe(etag)
      }
      const otherFormat = await api.request('GET', `${BASE}/terms?format=text`, {
        headers: { 'if-none-match': etag! },
      })
      expect(otherFormat.status).toBe(200)
    })

    it('shows a change written by another process within the cache TTL plus one read', async () => {
      await api.request('GET', `${BASE}/terms`)
      // Straight to the database, as another server process would: no hook here hears of it.
      await server.payload.db.updateOne({
        collection: 'offices',
        where: { slug: { equals: 'isesaki' } },
        data: { name: 'ハローワーク伊勢崎（改称）' },
        req: {} as never,
      })
      const committedBy = Date.now()
      for (;;) {
        const sentAt = Date.now()
        const name = (await api.request('GET', `${BASE}/terms`)).body.office.name
        if (name.endsWith('（改称）')) break
        // Only a request sent within the TTL (and a read begun in it) may get the old snapshot.
        expect(sentAt - committedBy).toBeLessThan(TERMS_CACHE_TTL_MS + ONE_READ_ON_BUSY_CORES_MS)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      await server.payload.db.updateOne({
        collection: 'offices',
        where: { slug: { equals: 'isesaki' } },
        data: { name: 'ハローワーク伊勢崎' },
        req: {} as never,
      })
    })

    it('gives each edition its own ETag', async () => {
      const one = await api.request('GET', `${BASE}/terms/editions/1`)
      const two = await api.request('GET', `${BASE}/terms/editions/2`)
      expect(one.headers.get('etag')).not.toBe(two.headers.get('etag'))
    })
  })

  describe('drafts stay private', () => {
    let draftId: number | string
    let draftNumber: number

    beforeAll(async () => {
      const office = await officeIdOf(server.payload, 'isesaki')
      const created = await api.request('POST', '/api/terms-editions', {
        as: HQ,
        body: {
          office,
          effectiveFrom: addDays(tokyoToday(), 200),
          status: 'draft',
          content: {
            title: '下書きの規約',
            preamble: [],
            articles: [
              { key: 'a', heading: '下書き', paragraphs: [{ text: [{ text: 'ひみつ' }] }] },
            ],
            signatory: '所長',
          },
        },
      })
      expect(created.status).toBe(201)
      draftId = created.body.doc.id
      draftNumber = created.body.doc.number
      const notice = await api.request('POST', '/api/change-notices', {
        as: HQ,
        body: { edition: draftId, ground: '2' },
      })
      expect(notice.status).toBe(201)
      expect(notice.body.doc).toMatchObject({
        status: 'draft',
        office: { id: office },
        effectiveFrom: addDays(tokyoToday(), 200),
      })
    })

    it('is not reachable through REST anonymously', async () => {
      const list = await api.request('GET', '/api/terms-editions?limit=100&depth=0')
      expect(list.body.docs.every((doc: { status: string }) => doc.status === 'published')).toBe(
        true,
      )
      expect(list.body.docs.some((doc: { id: unknown }) => doc.id === draftId)).toBe(false)
      const byId = await api.request('GET', `/api/terms-editions/${draftId}`)
      expect([403, 404]).toContain(byId.status)
      const notices = await api.request('GET', '/api/change-notices?limit=100&depth=0')
      expect(notices.body.docs.every((doc: { status: string }) => doc.status === 'published')).toBe(
        true,
      )
      expect(JSON.stringify(list.body)).not.toContain('ひみつ')
    })

    it('is not reachable through GraphQL anonymously', async () => {
      const response = await api.request('POST', '/api/graphql', {
        body: {
          query:
            '{ TermsEditions(limit: 100, where: { status: { equals: draft } }) { docs { id status title } } ChangeNotices(limit: 100) { docs { status } } }',
        },
      })
      expect(response.status).toBe(200)
      expect(response.body.data.TermsEditions.docs).toEqual([])
      expect(
        response.body.data.ChangeNotices.docs.every(
          (d: { status: string }) => d.status === 'published',
        ),
      ).toBe(true)
    })

    it('is not reachable through the public API', async () => {
      const list = await api.request('GET', `${BASE}/terms/editions`)
      expect(list.body.editions.map((e: { number: number }) => e.number)).not.toContain(draftNumber)
      const byNumber = await api.request('GET', `${BASE}/terms/editions/${draftNumber}`)
      expect(byNumber.status).toBe(404)
      const future = await api.request('GET', `${BASE}/terms?at=${addDays(tokyoToday(), 250)}`)
      expect(future.body.edition.number).toBe(2)
      const notices = await api.request('GET', `${BASE}/notices`)
      expect(notices.body.notices).toHaveLength(1)
      expect(future.text).not.toContain('ひみつ')
    })
  })
})
