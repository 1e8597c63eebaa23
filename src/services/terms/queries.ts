import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../lib/ids'
import type { ChangeNotice, Office, ReservationPolicy, TermsEdition } from '../../payload-types'
import { DEFAULT_MINIMUM_NOTICE_DAYS } from '../../rules/terms/minimumNotice'

/** The generated types only know SQLite's numeric ids. */
export function asRelation(id: Id): number {
  return id as number
}

export async function minimumNoticeDays(payload: Payload, req?: PayloadRequest): Promise<number> {
  const settings = await payload.findGlobal({ slug: 'hq-settings', depth: 0, req })
  const days = (settings as { minimumNoticeDays?: unknown } | null)?.minimumNoticeDays
  return typeof days === 'number' && Number.isFinite(days) && days >= 0
    ? days
    : DEFAULT_MINIMUM_NOTICE_DAYS
}

export async function findOffice(
  payload: Payload,
  id: Id,
  req?: PayloadRequest,
): Promise<Office | null> {
  try {
    return await payload.findByID({ collection: 'offices', id, depth: 0, req })
  } catch {
    return null
  }
}

/** The office's published editions, oldest first. */
export async function publishedEditionsOf(
  payload: Payload,
  officeId: Id,
  req?: PayloadRequest,
): Promise<TermsEdition[]> {
  const { docs } = await payload.find({
    collection: 'terms-editions',
    where: { and: [{ office: { equals: officeId } }, { status: { equals: 'published' } }] },
    sort: 'effectiveFrom',
    pagination: false,
    depth: 0,
    req,
  })
  return docs
}

/** Of editions sorted oldest first, the one in force on a JST date, or null before the first. */
export function editionInForceOn<E extends { effectiveFrom: string }>(
  editions: readonly E[],
  date: string,
): E | null {
  let found: E | null = null
  for (const edition of editions) if (edition.effectiveFrom <= date) found = edition
  return found
}

/** The policy in force on a JST date: the latest whose effectiveFrom is on or before it. */
export async function policyInForceOn(
  payload: Payload,
  officeId: Id,
  date: string,
  req?: PayloadRequest,
): Promise<ReservationPolicy | null> {
  const { docs } = await payload.find({
    collection: 'reservation-policies',
    where: {
      and: [{ office: { equals: officeId } }, { effectiveFrom: { less_than_equal: date } }],
    },
    sort: '-effectiveFrom',
    limit: 1,
    depth: 0,
    req,
  })
  return docs[0] ?? null
}

export async function nextEditionNumber(
  payload: Payload,
  officeId: Id,
  req?: PayloadRequest,
): Promise<number> {
  const { docs } = await payload.find({
    collection: 'terms-editions',
    where: { office: { equals: officeId } },
    sort: '-number',
    limit: 1,
    depth: 0,
    req,
  })
  return (docs[0]?.number ?? 0) + 1
}

export async function noticeForEdition(
  payload: Payload,
  editionId: Id,
  req?: PayloadRequest,
): Promise<ChangeNotice | null> {
  const { docs } = await payload.find({
    collection: 'change-notices',
    // The change notice; a withdrawal notice of the same edition is a separate document.
    where: {
      and: [
        { edition: { equals: editionId } },
        { or: [{ kind: { equals: 'change' } }, { kind: { exists: false } }] },
      ],
    },
    limit: 1,
    depth: 0,
    req,
  })
  return docs[0] ?? null
}

export async function findEdition(
  payload: Payload,
  id: Id,
  req?: PayloadRequest,
): Promise<TermsEdition | null> {
  try {
    return await payload.findByID({ collection: 'terms-editions', id, depth: 0, req })
  } catch {
    return null
  }
}
