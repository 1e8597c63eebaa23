import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { tokyoDayStart } from '../../../src/lib/tokyoTime'
import { kitakyushuOverrides } from '../../../src/seed/template'
import { startTestServer, type TestServer } from '../../support/server'
import {
  addDays,
  Api,
  articleText,
  demoTemplateId,
  errorCode,
  HQ,
  ISESAKI_ADMIN,
  KITAKYUSHU_ADMIN,
  officeIdOf,
  tokyoToday,
} from './support'

const KITA = '/public/v1/offices/kitakyushu-mothers'
const REASONS = '制度の見直しに合わせて内容を整理するためです。利用者の負担は増えません。'
/** A ground-2 change's reasons: the four factors of 民法548条の4第1項第2号. */
const REASON_FACTORS = {
  necessity: '制度の見直しに合わせて内容を整理する必要があるためです。',
  appropriateness: '他の事業所の利用規約と同じ内容にそろえます。',
  changeClause: '現在の利用規約は、変更の要件と周知の方法を定めています。',
  disadvantage: '利用者の負担は増えません。',
}

describe('publishing terms editions', () => {
  let server: TestServer
  let api: Api
  let kitakyushu: number | string
  let template: number | string
  const today = tokyoToday()

  beforeAll(async () => {
    server = await startTestServer()
    api = new Api(server)
    kitakyushu = await officeIdOf(server.payload, 'kitakyushu-mothers')
    template = await demoTemplateId(server.payload)
  })
  afterAll(async () => {
    await server?.close()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /** A draft for 北九州 composed from the template, with its usual overrides plus `extra`. */
  async function draft(
    effectiveFrom: string,
    extra: unknown[] = [],
  ): Promise<{ id: number | string; number: number }> {
    const { status, body } = await api.request('POST', '/api/terms-editions', {
      as: KITAKYUSHU_ADMIN,
      body: {
        office: kitakyushu,
        effectiveFrom,
        status: 'draft',
        template,
        overrides: [...kitakyushuOverrides, ...extra],
      },
    })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.doc.content.articles.length).toBeGreaterThan(0)
    return { id: body.doc.id, number: body.doc.number }
  }

  function publish(id: number | string, body: Record<string, unknown>, as = KITAKYUSHU_ADMIN) {
    return api.request('POST', `/api/terms-editions/${id}/publish`, { as, body })
  }

  it('composes the office’s edition with its references renumbered around its own article', async () => {
    const kita = await api.request('GET', `${KITA}/terms`)
    const isesaki = await api.request('GET', '/public/v1/offices/isesaki/terms')
    // 北九州 adds an article after 利用申込み等, so その他留意事項 is 第13条 there and 第12条 in 伊勢崎.
    expect(articleText(kita.body, 'privacy')).toContain('第13条(3)')
    expect(articleText(isesaki.body, 'privacy')).toContain('第12条(3)')
    expect(articleText(kita.body, 'booking-site')).toContain('第6条(3)')
  })

  it('publishes a ground-1 change at once, and the new edition is served from 00:00 JST', async () => {
    const tomorrow = addDays(today, 1)
    const edition = await draft(tomorrow, [
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
    ])
    const published = await publish(edition.id, { ground: '1', reasons: REASONS })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect(published.body.notice.ground).toBe('1')

    vi.useFakeTimers({ toFake: ['Date'] })
    const midnight = tokyoDayStart(tomorrow).getTime()
    vi.setSystemTime(midnight - 1)
    const before = await api.request('GET', `${KITA}/terms`)
    expect(before.body.edition.number).toBe(1)
    expect(before.body.upcoming.number).toBe(edition.number)
    expect(Number(before.headers.get('cache-control')!.split('=')[1])).toBeLessThanOrEqual(1)
    vi.setSystemTime(midnight)
    const after = await api.request('GET', `${KITA}/terms`)
    expect(after.body.edition.number).toBe(edition.number)
    expect(articleText(after.body, 'damages')).toContain('重大な過失')
  })

  it('refuses a ground-2 change whose notice would come too late, and accepts it 30 days ahead', async () => {
    const late = await draft(addDays(today, 29), [{ op: 'remove', key: 'fee' }])
    const refused = await publish(late.id, { ground: '2', reasonFactors: REASON_FACTORS })
    expect(refused.status).toBe(422)
    expect(errorCode(refused.body)).toBe('notice_too_late')
    expect(refused.body.errors[0].message).toContain('30日前')
    // Nothing was published: neither the notice nor the edition.
    const notices = await server.payload.find({
      collection: 'change-notices',
      where: { edition: { equals: late.id } },
    })
    expect(notices.docs[0]?.status).toBe('draft')
    expect(
      (await server.payload.findByID({ collection: 'terms-editions', id: late.id })).status,
    ).toBe('draft')

    const moved = await api.request('PATCH', `/api/terms-editions/${late.id}`, {
      as: KITAKYUSHU_ADMIN,
      body: { effectiveFrom: addDays(today, 30) },
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    const accepted = await publish(late.id, { ground: '2', reasonFactors: REASON_FACTORS })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(accepted.body.notice).toMatchObject({ ground: '2' })
  })

  it('renumbers articles and the references to them when an article is removed', async () => {
    const { body } = await api.request('GET', `${KITA}/terms?at=${addDays(today, 30)}`)
    expect(body.edition.articles.some((a: { key: string }) => a.key === 'fee')).toBe(false)
    expect(articleText(body, 'privacy')).toContain('第12条(3)')
    expect(body.edition.preambleText.join('')).toContain('第5条に定める方法')
  })

  it('compares two editions as a 新旧対照表 in JSON and HTML', async () => {
    const list = await api.request('GET', `${KITA}/terms/editions`)
    const numbers = list.body.editions.map((e: { number: number }) => e.number)
    const [first, , third] = numbers
    const json = await api.request('GET', `${KITA}/terms/compare?from=${first}&to=${third}`)
    expect(json.status).toBe(200)
    const rows = new Map(json.body.articles.map((row: { key: string }) => [row.key, row]))
    expect(rows.get('fee')).toMatchObject({ status: 'removed' })
    expect(rows.get('privacy')).toMatchObject({ status: 'changed', renumbered: true })
    expect(rows.get('purpose')).toMatchObject({ status: 'unchanged', renumbered: false })
    const changedKeys = json.body.changedArticles.map((c: { key: string }) => c.key)
    expect(changedKeys).toEqual(expect.arrayContaining(['fee', 'privacy', 'booking-site']))
    // The third edition was drafted from the template again, without the second's 損害賠償 wording.
    expect(changedKeys).not.toContain('damages')
    const html = await api.request('GET', `${KITA}/terms/compare?from=${first}&to=${third}`, {
      headers: { accept: 'text/html' },
    })
    expect(html.headers.get('content-type')).toContain('text/html')
    expect(html.text).toContain('新旧対照表')
    expect(html.text).toMatch(/<table class="kiyaku-compare">/)
    expect(html.text).toContain('<del>')
    expect(html.text).toContain('<ins>')
    const bad = await api.request('GET', `${KITA}/terms/compare?from=1`)
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0]).toMatchObject({ code: 'invalid_query', field: 'to' })
  })

  it('keeps a published edition immutable', async () => {
    const { docs } = await server.payload.find({
      collection: 'terms-editions',
      where: { office: { equals: kitakyushu }, status: { equals: 'published' } },
      sort: 'number',
    })
    const edition = docs[0]!
    const patch = await api.request('PATCH', `/api/terms-editions/${edition.id}`, {
      as: HQ,
      body: { effectiveFrom: '2025-05-01' },
    })
    expect(patch.status).toBe(403)
    expect(errorCode(patch.body)).toBe('edition_immutable')
    expect(patch.body.errors[0].message).toMatch(/公開済み/)
    const deleted = await api.request('DELETE', `/api/terms-editions/${edition.id}`, { as: HQ })
    expect(deleted.status).toBe(403)
    const after = await server.payload.findByID({ collection: 'terms-editions', id: edition.id })
    expect(after.effectiveFrom).toBe(edition.effectiveFrom)
    expect(after.contentHash).toBe(edition.contentHash)

    const notice = (
      await server.payload.find({
        collection: 'change-notices',
        where: { status: { equals: 'published' } },
      })
    ).docs[0]!
    const noticePatch = await api.request('PATCH', `/api/change-notices/${notice.id}`, {
      as: HQ,
      body: { reasons: '書き換え' },
    })
    expect(noticePatch.status).toBe(403)
    expect(errorCode(noticePatch.body)).toBe('notice_immutable')
  })

  it('refuses an edition without a published notice, in the past, or with a dangling reference', async () => {
    const withoutNotice = await draft(addDays(today, 60))
    const direct = await api.request('PATCH', `/api/terms-editions/${withoutNotice.id}`, {
      as: HQ,
      body: { status: 'published' },
    })
    expect(direct.status).toBe(422)
    expect(errorCode(direct.body)).toBe('notice_missing')

    const ground2WithoutReasons = await publish(withoutNotice.id, { ground: '2' })
    expect(errorCode(ground2WithoutReasons.body)).toBe('reason_factors_missing')

    const past = await api.request('POST', '/api/terms-editions', {
      as: HQ,
      body: {
        office: kitakyushu,
        effectiveFrom: addDays(today, -1),
        status: 'published',
        template,
        overrides: kitakyushuOverrides,
      },
    })
    expect(past.status).toBe(422)
    const codes = past.body.errors[0].data.problems.map((p: { code: string }) => p.code)
    expect(codes).toContain('effective_in_past')

    // その他留意事項 goes, but 個人情報保護 still points at its item (3).
    const dangling = await draft(addDays(today, 90), [{ op: 'remove', key: 'notes' }])
    const refused = await publish(dangling.id, { ground: '1', reasons: REASONS })
    expect(refused.status).toBe(422)
    expect(errorCode(refused.body)).toBe('dangling_reference')
    expect(refused.body.errors[0].message).toMatch(/第\d+条第2項が参照する/)
    expect(
      (await server.payload.findByID({ collection: 'terms-editions', id: dangling.id })).status,
    ).toBe('draft')
  })

  it('refuses an edition that would overlap or go before a published one', async () => {
    const sameDay = await draft(addDays(today, 30))
    const refused = await publish(sameDay.id, { ground: '1', reasons: REASONS })
    expect(errorCode(refused.body)).toBe('edition_overlap')
    const earlier = await draft(addDays(today, 20))
    expect(errorCode((await publish(earlier.id, { ground: '1', reasons: REASONS })).body)).toBe(
      'edition_out_of_order',
    )
  })

  it('publishes a template change to several offices at once (HQ only)', async () => {
    const isesaki = await officeIdOf(server.payload, 'isesaki')
    const current = await server.payload.findByID({ collection: 'terms-templates', id: template })
    const document = current.document as { articles: { key: string; heading: string }[] }
    const changed = {
      ...document,
      articles: document.articles.map((a) =>
        a.key === 'compliance' ? { ...a, heading: '法令及び規則の遵守' } : a,
      ),
    }
    const patched = await api.request('PATCH', `/api/terms-templates/${template}`, {
      as: HQ,
      body: { document: changed, version: 2 },
    })
    expect(patched.status).toBe(200)

    const effectiveFrom = addDays(today, 120)
    const body = {
      officeIds: [kitakyushu, isesaki],
      effectiveFrom,
      ground: '2',
      reasonFactors: REASON_FACTORS,
    }
    const forbidden = await api.request('POST', `/api/terms-templates/${template}/publish`, {
      as: ISESAKI_ADMIN,
      body,
    })
    expect(forbidden.status).toBe(403)
    const invalid = await api.request('POST', `/api/terms-templates/${template}/publish`, {
      as: HQ,
      body: { ...body, effectiveFrom: '2026/01/01' },
    })
    expect(invalid.status).toBe(400)

    const response = await api.request('POST', `/api/terms-templates/${template}/publish`, {
      as: HQ,
      body,
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.results).toHaveLength(2)
    for (const row of response.body.results) expect(row).toMatchObject({ status: 'published' })
    for (const slug of ['kitakyushu-mothers', 'isesaki']) {
      const terms = await api.request('GET', `/public/v1/offices/${slug}/terms?at=${effectiveFrom}`)
      expect(terms.body.edition.effectiveFrom).toBe(effectiveFrom)
      expect(articleText(terms.body, 'compliance')).toContain('（法令及び規則の遵守）')
      const notices = await api.request('GET', `/public/v1/offices/${slug}/notices`)
      expect(notices.body.notices[0]).toMatchObject({ effectiveFrom, ground: '2' })
    }

    const again = await api.request('POST', `/api/terms-templates/${template}/publish`, {
      as: HQ,
      body: { ...body, effectiveFrom: addDays(today, 130) },
    })
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual([
      'unchanged',
      'unchanged',
    ])
  })

  it('warns a ground-2 notice when the terms in force have no change clause', async () => {
    const { payload } = server
    const isChangeClause = (article: unknown) => {
      const text = JSON.stringify(article)
      return /変更/.test(text) && /(承諾|同意)/.test(text) && /(周知|告知|通知)/.test(text)
    }
    const target = await draft(addDays(today, 400))
    const notice = (body: Record<string, unknown>) =>
      api.request('POST', '/api/change-notices', {
        as: KITAKYUSHU_ADMIN,
        body: { edition: target.id, status: 'draft', ...body },
      })
    const withClause = await notice({ ground: '2' })
    expect(withClause.status, JSON.stringify(withClause.body)).toBe(201)
    expect(withClause.body.doc.warnings).toEqual([])
    await payload.delete({ collection: 'change-notices', id: withClause.body.doc.id })

    // Terms from before Kiyaku checked for the clause: written past the hooks, as old data is.
    const { docs: inForce } = await payload.find({
      collection: 'terms-editions',
      where: { office: { equals: kitakyushu }, status: { equals: 'published' } },
      limit: 100,
    })
    const originals = new Map(inForce.map((e) => [e.id, e.content]))
    try {
      for (const edition of inForce) {
        const content = edition.content as { articles: unknown[] }
        await payload.db.updateOne({
          collection: 'terms-editions',
          where: { id: { equals: edition.id } },
          data: {
            content: { ...content, articles: content.articles.filter((a) => !isChangeClause(a)) },
          },
          req: {} as never,
        })
      }
      const ground2 = await notice({ ground: '2' })
      expect(ground2.status, JSON.stringify(ground2.body)).toBe(201)
      expect(ground2.body.doc.warnings).toHaveLength(1)
      expect(ground2.body.doc.warnings[0].code).toBe('no_change_clause_in_force')
      expect(ground2.body.doc.warnings[0].message).toContain('民法548条の4第1項第2号')
      const ground1 = await api.request('PATCH', `/api/change-notices/${ground2.body.doc.id}`, {
        as: KITAKYUSHU_ADMIN,
        body: { ground: '1' },
      })
      expect(ground1.body.doc.warnings).toEqual([])
      await payload.delete({ collection: 'change-notices', id: ground2.body.doc.id })
    } finally {
      for (const [id, content] of originals) {
        await payload.db.updateOne({
          collection: 'terms-editions',
          where: { id: { equals: id } },
          data: { content },
          req: {} as never,
        })
      }
    }
  })

  it('publishes a ground-2 change only with all four factors, and its reasons name each', async () => {
    const effectiveFrom = addDays(today, 500)
    const target = await draft(effectiveFrom, [
      {
        op: 'replace',
        article: {
          key: 'damages',
          heading: '損害賠償',
          paragraphs: [
            {
              text: [
                {
                  text: '利用者が故意により本規約に反して当所に損害を与えたときは、その損害を賠償しなければなりません。',
                },
              ],
            },
          ],
        },
      },
    ])
    const partial = await publish(target.id, {
      ground: '2',
      reasonFactors: { necessity: REASON_FACTORS.necessity, appropriateness: ' ' },
    })
    expect(partial.status).toBe(422)
    expect(errorCode(partial.body)).toBe('reason_factors_missing')
    const message: string = partial.body.errors[0].message
    expect(message).toContain(
      '変更後の内容の相当性、変更条項の有無及びその内容、利用者の不利益の程度と緩和措置',
    )
    expect(message).not.toContain('変更の必要性、')
    // Free text alone does not state the factors.
    const freeText = await publish(target.id, { ground: '2', reasons: REASONS })
    expect(errorCode(freeText.body)).toBe('reason_factors_missing')
    expect(
      (await server.payload.findByID({ collection: 'terms-editions', id: target.id })).status,
    ).toBe('draft')

    const accepted = await publish(target.id, { ground: '2', reasonFactors: REASON_FACTORS })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    const expected = [
      `【変更の必要性】${REASON_FACTORS.necessity}`,
      `【変更後の内容の相当性】${REASON_FACTORS.appropriateness}`,
      `【変更条項の有無及びその内容】${REASON_FACTORS.changeClause}`,
      `【利用者の不利益の程度と緩和措置】${REASON_FACTORS.disadvantage}`,
    ].join('\n')
    const stored = await server.payload.findByID({
      collection: 'change-notices',
      id: accepted.body.notice.id,
    })
    expect(stored.reasons).toBe(expected)
    const { body } = await api.request('GET', `${KITA}/notices`)
    const shown = body.notices.find(
      (n: { effectiveFrom: string }) => n.effectiveFrom === effectiveFrom,
    )
    expect(shown.reasons).toBe(expected)
  })
})
