import type { Payload } from 'payload'

import type { ChangeReasonFactors } from '../rules/terms/changeReasons'
import type { Article } from '../rules/terms/types'
import { addDays, tokyoToday } from '../lib/tokyoTime'
import { publishEditionWithNotice } from '../services/terms/publish'
import { asRelation, policyInForceOn } from '../services/terms/queries'
import type { TermsEdition } from '../payload-types'
import type { OfficeIds } from './officeIds'
import { demoOffices } from './offices'
import { hqTemplate, kitakyushuOverrides } from './template'

const DEMO_TEMPLATE_NAME = 'オンライン職業相談等利用規約（本部ひな形）'
export const DEMO_FIRST_EFFECTIVE_FROM = '2025-04-01'
/** Far enough ahead for the 30-day ground-2 notice period, so the upcoming change shows. */
export const DEMO_PENDING_CHANGE_DAYS_AHEAD = 45
const DEMO_PENDING_CHANGE_OFFICE = 'isesaki'

/** Invented demo text, one sentence per factor of 民法548条の4第1項第2号. */
const PENDING_CHANGE_REASON_FACTORS: ChangeReasonFactors = {
  necessity:
    'システムの保守や障害のときにオンライン職業相談等を一時停止できることを明記するためです。',
  appropriateness:
    '停止できる場合を保守・障害・災害などやむを得ない事由に限り、停止するときはできる限り事前にお知らせすることとしています。',
  changeClause:
    '現在の利用規約は、規約を変更することがある旨とその要件、及び変更するときは効力発生日より前に当所のウェブサイトその他の適切な方法で周知することを定めています。',
  disadvantage:
    '停止の間も窓口と電話での相談は受け付けており、停止するときはできる限り事前に当所のウェブサイトでお知らせします。',
}

/** The demo pending change: an article of our own on suspending the service. */
const suspensionArticle: Article = {
  key: 'suspension',
  heading: 'サービスの一時停止',
  paragraphs: [
    {
      text: [
        {
          text:
            '当所は、システムの保守、障害、災害その他やむを得ない事由があるときは、' +
            'オンライン職業相談等の全部又は一部を一時的に停止することがあります。',
        },
      ],
    },
    {
      text: [
        {
          text:
            '前項により停止するときは、当所は、できる限り事前に当所のウェブサイトへの掲載その他の適切な方法でお知らせします。' +
            '停止の間も、窓口及び電話での相談は受け付けます。',
        },
      ],
    },
  ],
}

/**
 * Idempotent: the HQ template; per demo office one published edition effective 2025-04-01 composed
 * from its seeded policy (policies are seeded first); and for isesaki a published second edition
 * taking effect 45 days from today with its published ground-2 notice. An office that already has
 * editions is left alone.
 */
export async function seedTerms(payload: Payload, officeIds: OfficeIds): Promise<void> {
  const template = await ensureTemplate(payload)
  for (const office of demoOffices) {
    const officeId = officeIds.get(office.slug)
    if (officeId === undefined) continue
    const { totalDocs } = await payload.count({
      collection: 'terms-editions',
      where: { office: { equals: officeId } },
    })
    if (totalDocs > 0) continue
    const policy = await policyInForceOn(payload, officeId, DEMO_FIRST_EFFECTIVE_FROM)
    if (!policy) {
      payload.logger.warn({ office: office.slug }, 'no reservation policy seeded: terms not seeded')
      continue
    }
    const overrides = office.slug === 'kitakyushu-mothers' ? kitakyushuOverrides : []
    // Seeding alone may publish an edition that took effect in the past.
    await payload.create({
      collection: 'terms-editions',
      data: {
        office: asRelation(officeId),
        effectiveFrom: DEMO_FIRST_EFFECTIVE_FROM,
        status: 'published',
        template: asRelation(template),
        overrides: overrides as unknown as TermsEdition['overrides'],
      } as TermsEdition,
      context: { seeding: true },
    })
    if (office.slug === DEMO_PENDING_CHANGE_OFFICE) {
      await seedPendingChange(payload, officeId, template, overrides)
    }
  }
}

async function ensureTemplate(payload: Payload): Promise<number | string> {
  const { docs } = await payload.find({
    collection: 'terms-templates',
    where: { name: { equals: DEMO_TEMPLATE_NAME } },
    limit: 1,
    depth: 0,
  })
  if (docs[0]) return docs[0].id
  const created = await payload.create({
    collection: 'terms-templates',
    data: {
      name: DEMO_TEMPLATE_NAME,
      version: 1,
      document: hqTemplate as unknown as Record<string, unknown>,
    },
    context: { seeding: true },
  })
  return created.id
}

async function seedPendingChange(
  payload: Payload,
  officeId: number | string,
  template: number | string,
  overrides: readonly unknown[],
): Promise<void> {
  const draft = await payload.create({
    collection: 'terms-editions',
    data: {
      office: asRelation(officeId),
      effectiveFrom: addDays(tokyoToday(), DEMO_PENDING_CHANGE_DAYS_AHEAD),
      status: 'draft',
      template: asRelation(template),
      overrides: [
        ...overrides,
        { op: 'add', after: 'notes', article: suspensionArticle },
      ] as unknown as TermsEdition['overrides'],
    } as TermsEdition,
    context: { seeding: true },
  })
  try {
    await publishEditionWithNotice(payload, {
      editionId: draft.id,
      ground: '2',
      reasonFactors: PENDING_CHANGE_REASON_FACTORS,
    })
  } catch (error) {
    // E.g. HQ set a notice period longer than 45 days: the demo keeps the draft for an admin.
    payload.logger.warn({ err: error }, 'demo pending terms change left as a draft')
  }
}
