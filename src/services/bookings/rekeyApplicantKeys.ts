import type { Payload } from 'payload'

import type { Applicant } from '../../rules/booking/types'
import { claimOnce } from '../claims/claims'
import { isUniqueConflict } from '../database/uniqueConflict'
import { applicantKeyRenames, KEYED_PREFIX } from './applicantKey'

interface StoredBooking {
  id: number | string
  office?: number | string | { id: number | string } | null
  applicantKey?: string | null
  applicant?: Applicant | null
}

interface StoredStanding {
  id: number | string
  noShowCount?: number | null
  refused?: boolean | null
}

function officeIdOf(booking: StoredBooking): number | string | undefined {
  const office = booking.office
  if (office && typeof office === 'object') return office.id
  return office ?? undefined
}

/**
 * Moves keys stored by earlier versions (unkeyed SHA-256 of office and 求職番号 or e-mail) to
 * today's keyed form. Runs at every start and does nothing once every row is keyed. The old key
 * of a standing is found through the bookings that still hold the applicant's details: for each
 * of them the old and new keys are computed from the details, the booking's key is replaced, and
 * the standing under the old key is renamed, or folded into one already under the new key.
 * A standing whose bookings no longer hold any details cannot be renamed and is deleted: its
 * unkeyed hash is the reversible part, and without details nobody can be matched to it again.
 * Safe to run in several processes at once: a rename or a key change is a single-row write that
 * a second run finds done, and a merge (which adds counts, so is not idempotent) is done only by
 * the run that claims it (`standing-merge|<old standing's id>`, a unique-index claim).
 */
export async function rekeyApplicantKeys(
  payload: Payload,
): Promise<{ bookings: number; standings: number }> {
  let bookings = 0
  let standings = 0
  const legacy = { applicantKey: { not_like: KEYED_PREFIX } }
  for (;;) {
    const { docs } = await payload.db.find<StoredBooking>({
      collection: 'bookings',
      where: { and: [{ applicantKey: { exists: true } }, legacy] },
      limit: 200,
      pagination: false,
    })
    const todo = docs.filter(
      (doc) => doc.applicantKey && !doc.applicantKey.startsWith(KEYED_PREFIX),
    )
    if (todo.length === 0) break
    for (const booking of todo) {
      const officeId = officeIdOf(booking)
      const renames =
        officeId !== undefined && booking.applicant
          ? applicantKeyRenames(officeId, booking.applicant)
          : []
      for (const { from, to } of renames) {
        standings += await renameStanding(payload, officeId!, from, to)
      }
      const primary = renames.find((rename) => rename.from === booking.applicantKey)?.to
      await payload.db.updateOne({
        collection: 'bookings',
        id: booking.id,
        // Without details the old key cannot be renamed, only dropped.
        data: { applicantKey: primary ?? null },
        returning: false,
      })
      bookings++
    }
  }
  // Standings left under an unkeyed hash had no booking with details to rename them from.
  const { docs: orphans } = await payload.db.find<{ id: number | string; applicantKey: string }>({
    collection: 'applicant-standings',
    where: legacy,
    pagination: false,
  })
  for (const orphan of orphans.filter((doc) => !doc.applicantKey.startsWith(KEYED_PREFIX))) {
    await payload.db.deleteOne({
      collection: 'applicant-standings',
      where: { id: { equals: orphan.id } },
    })
    standings++
  }
  return { bookings, standings }
}

async function renameStanding(
  payload: Payload,
  officeId: number | string,
  from: string,
  to: string,
): Promise<number> {
  const find = (key: string) =>
    payload.db.findOne<StoredStanding>({
      collection: 'applicant-standings',
      where: { and: [{ office: { equals: officeId } }, { applicantKey: { equals: key } }] },
    })
  const old = await find(from)
  if (!old) return 0
  if (!(await find(to))) {
    try {
      await payload.db.updateOne({
        collection: 'applicant-standings',
        id: old.id,
        data: { applicantKey: to },
        returning: false,
      })
      return 1
    } catch (error) {
      // A standing under the new key appeared meanwhile (a no-show counted by a process already
      // serving): merge into it instead.
      if (
        !isUniqueConflict(error, 'applicant-standings', {
          name: 'applicantKey',
          column: 'applicant_key',
        })
      )
        throw error
    }
  }
  // Adding counts twice would double them: of runs racing here, only the claimant merges, and it
  // reads the standing under the new key after its claim, so it adds to the latest count.
  const claimed = await claimOnce(payload, {
    key: `standing-merge|${String(old.id)}`,
    kind: 'standing-merge',
  })
  if (!claimed) return 0
  // Another run may have renamed the old standing itself to the new key meanwhile: then there is
  // nothing to merge (and "both" would be the same row).
  const [stillOld, current] = await Promise.all([find(from), find(to)])
  if (!stillOld || String(stillOld.id) !== String(old.id) || !current) return 0
  await payload.db.updateOne({
    collection: 'applicant-standings',
    id: current.id,
    data: {
      noShowCount: (current.noShowCount ?? 0) + (stillOld.noShowCount ?? 0),
      refused: Boolean(current.refused || stillOld.refused),
    },
    returning: false,
  })
  await payload.db.deleteOne({
    collection: 'applicant-standings',
    where: { id: { equals: old.id } },
  })
  return 1
}
