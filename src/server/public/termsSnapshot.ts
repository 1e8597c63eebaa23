/**
 * What the public terms routes know about one office: its public fields and its PUBLISHED
 * editions and notices. Drafts are filtered out here, in the query, so no code path below can
 * show one.
 */
import { createHash } from 'node:crypto'
import type { Payload } from 'payload'

import type { ChangedArticle, ComposedTerms } from '../../rules/terms'
import { readContent } from '../../services/terms/contentSchema'
import { idOf, sameId } from '../../lib/ids'
import { publicOfficeView } from './offices'

export interface PublicEdition {
  id: number | string
  number: number
  effectiveFrom: string
  content: ComposedTerms
  contentHash: string
  publishedAt: string | null
}

export interface PublicNotice {
  id: number | string
  /** A change, or the withdrawal of an announced change (its edition never took effect). */
  kind: 'change' | 'withdrawal'
  title: string
  ground: '1' | '2'
  reasons: string | null
  summary: string | null
  effectiveFrom: string
  publishedAt: string
  changedArticles: ChangedArticle[]
  editionNumber: number
  previousEditionNumber: number | null
}

export interface OfficeTermsSnapshot {
  slug: string
  name: string
  office: Record<string, unknown>
  officeUpdatedAt: string
  /** Oldest first; effective dates are unique per office. */
  editions: PublicEdition[]
  /** Newest first. Only notices whose edition is published. */
  notices: PublicNotice[]
}

export async function loadOfficeTermsSnapshot(
  payload: Payload,
  slug: string,
): Promise<OfficeTermsSnapshot | null> {
  const { docs: offices } = await payload.find({
    collection: 'offices',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const office = offices[0]
  if (!office) return null
  const [editionsResult, noticesResult] = await Promise.all([
    payload.find({
      collection: 'terms-editions',
      where: {
        and: [{ office: { equals: office.id } }, { status: { in: ['published', 'withdrawn'] } }],
      },
      sort: 'effectiveFrom',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    payload.find({
      collection: 'change-notices',
      where: { and: [{ office: { equals: office.id } }, { status: { equals: 'published' } }] },
      sort: '-publishedAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
  ])
  const editions: PublicEdition[] = []
  const withdrawn = new Map<string, number>()
  for (const doc of editionsResult.docs) {
    if ((doc.status as string) === 'withdrawn') {
      withdrawn.set(String(doc.id), doc.number)
      continue
    }
    const content = readContent(doc.content)
    if (!content.ok || !doc.contentHash) continue
    editions.push({
      id: doc.id,
      number: doc.number,
      effectiveFrom: doc.effectiveFrom,
      content: content.content,
      contentHash: doc.contentHash,
      publishedAt: doc.publishedAt ?? null,
    })
  }
  const numberOf = (value: unknown) =>
    editions.find((e) => sameId(e.id, idOf(value)))?.number ?? null
  const notices: PublicNotice[] = []
  for (const doc of noticesResult.docs) {
    const kind = (doc as { kind?: unknown }).kind === 'withdrawal' ? 'withdrawal' : 'change'
    const editionNumber =
      kind === 'withdrawal'
        ? (withdrawn.get(String(idOf(doc.edition))) ?? null)
        : numberOf(doc.edition)
    // A notice is shown with the edition it announces; a notice whose edition is not (yet)
    // published would point at content nobody can read. A withdrawal names the edition called off.
    if (editionNumber === null || !doc.publishedAt) continue
    notices.push({
      id: doc.id,
      kind,
      title: doc.title ?? '利用規約の変更のお知らせ',
      ground: doc.ground,
      reasons: doc.reasons ?? null,
      summary: doc.summary ?? null,
      effectiveFrom: doc.effectiveFrom,
      publishedAt: doc.publishedAt,
      changedArticles: Array.isArray(doc.changedArticles)
        ? (doc.changedArticles as unknown as ChangedArticle[])
        : [],
      editionNumber,
      previousEditionNumber: numberOf(doc.previousEdition),
    })
  }
  return {
    slug: office.slug,
    name: office.name,
    office: publicOfficeView(office as unknown as Record<string, unknown>),
    officeUpdatedAt: office.updatedAt,
    editions,
    notices,
  }
}

/** Changes whenever anything a public terms response shows changes. */
export function snapshotFingerprint(snapshot: OfficeTermsSnapshot): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(snapshot.office))
  for (const e of snapshot.editions)
    hash.update(`|e:${e.id}:${e.number}:${e.effectiveFrom}:${e.contentHash}`)
  for (const n of snapshot.notices) {
    hash.update(
      `|n:${n.kind}:${n.id}:${n.editionNumber}:${n.publishedAt}:${n.title}:${n.summary}:${n.reasons}`,
    )
  }
  return hash.digest('base64url')
}

/** Of the published editions, the one in force on a JST date, and the next one after it. */
export function editionsAround(
  snapshot: OfficeTermsSnapshot,
  date: string,
): { inForce: PublicEdition | null; upcoming: PublicEdition | null } {
  let inForce: PublicEdition | null = null
  let upcoming: PublicEdition | null = null
  for (const edition of snapshot.editions) {
    if (edition.effectiveFrom <= date) inForce = edition
    else if (!upcoming) upcoming = edition
  }
  return { inForce, upcoming }
}
