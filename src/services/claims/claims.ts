import { hostname } from 'node:os'
import type { Payload, Where } from 'payload'

import { isUniqueConflict } from '../database/uniqueConflict'

/** What a claimed key stands for; the claims collection offers these as its `kind` options. */
export type ClaimKind = 'job-run' | 'booking-revision' | 'standing-merge'

const THIS_PROCESS = `${hostname()}:${process.pid}`

/**
 * Claims are kept this long. Past it a key is never asked for again: a job's scheduled time has
 * long gone by, and a booking has moved on from the state its transition key names.
 */
const CLAIM_RETENTION_MS = 7 * 24 * 60 * 60_000

export interface ClaimRequest {
  key: string
  kind: ClaimKind
  now?: Date
}

/**
 * Writes the claim row; false when the key was already claimed (the unique index refused the
 * write), whichever adapter and process wrote it first.
 */
export async function claimOnce(payload: Payload, claim: ClaimRequest): Promise<boolean> {
  try {
    await payload.db.create({
      collection: 'claims',
      data: {
        key: claim.key,
        kind: claim.kind,
        claimedBy: THIS_PROCESS,
        claimedAt: (claim.now ?? new Date()).toISOString(),
      },
      returning: false,
    })
    return true
  } catch (error) {
    if (isUniqueConflict(error, 'claims', { name: 'key', column: 'key' })) return false
    throw error
  }
}

export interface StoredClaim {
  id: number | string
  claimedAt: string
}

export async function findClaim(payload: Payload, key: string): Promise<StoredClaim | null> {
  const found = await payload.db.findOne<StoredClaim>({
    collection: 'claims',
    where: { key: { equals: key } },
  })
  return found ? { id: found.id, claimedAt: found.claimedAt } : null
}

/**
 * Gives a key back, for work that was claimed but did not happen. With `claimedAt`, only that
 * claim: of two processes taking over the same stale claim, the later must not remove the claim
 * the earlier has just written in its place.
 */
export async function releaseClaim(
  payload: Payload,
  key: string,
  claimedAt?: string,
): Promise<void> {
  const where: Where = claimedAt
    ? { and: [{ key: { equals: key } }, { claimedAt: { equals: claimedAt } }] }
    : { key: { equals: key } }
  await payload.db.deleteMany({ collection: 'claims', where })
}

export async function pruneClaims(payload: Payload, now: Date = new Date()): Promise<void> {
  await payload.db.deleteMany({
    collection: 'claims',
    where: { claimedAt: { less_than: new Date(now.getTime() - CLAIM_RETENTION_MS).toISOString() } },
  })
}
