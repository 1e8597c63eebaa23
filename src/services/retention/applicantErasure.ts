import type { Payload, Where } from 'payload'

import { auditSnapshot } from '../../rules/audit/auditValues'
import {
  DEFAULT_APPLICANT_RETENTION_DAYS,
  FINISHED_STATUSES,
  isDueForErasure,
  retentionCutoff,
  retentionDaysFor,
} from '../../rules/booking/applicantRetention'
import { normaliseApplicant } from '../../rules/booking/normaliseApplicant'
import { applicantKeys } from '../bookings/applicantKey'
import { withBookingContext } from '../bookings/context'
import { updateBookingAsSystem } from '../bookings/updateBooking'

/** Per run of the retention job; a backlog clears over a few runs. */
const BATCH = 500

type Id = number | string

/** HQ's retention in days (hq-settings). */
export async function hqRetentionDays(payload: Payload): Promise<number> {
  const settings = await payload.findGlobal({ slug: 'hq-settings', depth: 0 })
  const days = (settings as { applicantRetentionDays?: unknown } | null)?.applicantRetentionDays
  return typeof days === 'number' && Number.isFinite(days) && days > 0
    ? days
    : DEFAULT_APPLICANT_RETENTION_DAYS
}

/**
 * Blanks one booking's applicant details through Payload, so the hooks claim its revision and
 * the audit log records which applicant fields changed (never their values).
 */
async function eraseBooking(payload: Payload, id: Id, actor: string, now: Date): Promise<boolean> {
  try {
    await updateBookingAsSystem(
      payload,
      id,
      {},
      withBookingContext(
        { now: now.toISOString(), via: 'system', eraseApplicant: true },
        { actor, auditAction: 'applicant_erased' },
      ),
    )
    return true
  } catch {
    // Changed meanwhile: the next run (or request) finds it again.
    return false
  }
}

/**
 * Audit entries of these bookings written before the audit log stopped copying applicant values
 * still hold them; they are rewritten as today's entries are made.
 */
async function scrubAuditEntries(payload: Payload, bookingIds: readonly Id[]): Promise<void> {
  if (bookingIds.length === 0) return
  const { docs } = await payload.db.find<Record<string, unknown>>({
    collection: 'audit-log',
    where: {
      collectionSlug: { equals: 'bookings' },
      documentId: { in: bookingIds.map(String) },
    },
    pagination: false,
  })
  for (const entry of docs) {
    const before = auditSnapshot(entry.before as Record<string, unknown> | null)
    const after = auditSnapshot(entry.after as Record<string, unknown> | null)
    if (
      JSON.stringify(before) === JSON.stringify(entry.before ?? null) &&
      JSON.stringify(after) === JSON.stringify(entry.after ?? null)
    )
      continue
    await payload.db.updateOne({
      collection: 'audit-log',
      id: entry.id as Id,
      data: { before, after },
      returning: false,
    })
  }
}

function lastChangeOf(history: unknown): string | null {
  if (!Array.isArray(history) || history.length === 0) return null
  const at = (history[history.length - 1] as { at?: unknown }).at
  return typeof at === 'string' ? at : null
}

/**
 * The retention job: finished bookings past their office's retention (its own shorter setting,
 * else HQ's) lose their applicant details. Office, slot, channel, status and times stay.
 */
export async function eraseExpiredApplicants(
  payload: Payload,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ erased: number }> {
  const hqDays = await hqRetentionDays(payload)
  const { docs: offices } = await payload.find({
    collection: 'offices',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const erasedIds: Id[] = []
  for (const office of offices) {
    const days = retentionDaysFor(
      (office as { applicantRetentionDays?: number | null }).applicantRetentionDays,
      hqDays,
    )
    const { docs } = await payload.find({
      collection: 'bookings',
      where: {
        office: { equals: office.id },
        status: { in: [...FINISHED_STATUSES] },
        applicantErasedAt: { exists: false },
        slotStart: { less_than: retentionCutoff(now, days).toISOString() },
      },
      sort: 'slotStart',
      limit: BATCH - erasedIds.length,
      depth: 0,
      overrideAccess: true,
      select: { status: true, slotStart: true, slotEnd: true, statusHistory: true },
    })
    for (const booking of docs) {
      const due = isDueForErasure(
        { ...booking, lastChangeAt: lastChangeOf(booking.statusHistory) },
        days,
        now,
      )
      if (due && (await eraseBooking(payload, booking.id, 'system', now)))
        erasedIds.push(booking.id)
    }
    if (erasedIds.length >= BATCH) break
  }
  await scrubAuditEntries(payload, erasedIds)
  return { erased: erasedIds.length }
}

interface ErasureRequest {
  /** The offices to search: the requester's office, or every office for HQ. */
  officeIds: readonly Id[]
  email?: string | null
  jobSeekerNumber?: string | null
  /** Who asked, for the audit log ("users:1"). */
  actor: string
  now?: Date
}

interface OfficeErasure {
  office: string
  bookings: number
  standings: number
}

/**
 * Erasure on request: one applicant, found by e-mail or 求職番号 (normalised as at booking, and
 * by the same keys), loses their details on every booking of the offices and their standings.
 * Each office's erasure is audited with its counts only.
 */
export async function eraseApplicantOnRequest(
  payload: Payload,
  request: ErasureRequest,
): Promise<OfficeErasure[]> {
  const now = request.now ?? new Date()
  const applicant = normaliseApplicant({
    email: request.email ?? undefined,
    jobSeekerNumber: request.jobSeekerNumber ?? undefined,
  })
  if (!applicant.email && !applicant.jobSeekerNumber) return []
  const results: OfficeErasure[] = []
  for (const officeId of request.officeIds) {
    const keys = applicantKeys(officeId, applicant)
    const who: Where[] = [{ applicantKey: { in: keys } }]
    if (applicant.email) who.push({ 'applicant.email': { equals: applicant.email } })
    if (applicant.jobSeekerNumber)
      who.push({ 'applicant.jobSeekerNumber': { equals: applicant.jobSeekerNumber } })
    const { docs } = await payload.find({
      collection: 'bookings',
      where: { and: [{ office: { equals: officeId } }, { or: who }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { status: true },
    })
    const erasedIds: Id[] = []
    for (const booking of docs) {
      if (await eraseBooking(payload, booking.id, request.actor, now)) erasedIds.push(booking.id)
    }
    await scrubAuditEntries(payload, erasedIds)
    const { docs: standings } = await payload.delete({
      collection: 'applicant-standings',
      where: { office: { equals: officeId }, applicantKey: { in: keys } },
      depth: 0,
      overrideAccess: true,
    })
    const result = {
      office: String(officeId),
      bookings: erasedIds.length,
      standings: standings.length,
    }
    await payload.db.create({
      collection: 'audit-log',
      returning: false,
      data: {
        at: now.toISOString(),
        action: 'bookings.erase-applicant',
        collectionSlug: 'bookings',
        documentId: 'erase-applicant',
        office: result.office,
        actor: request.actor,
        before: null,
        after: { erasedBookings: result.bookings, erasedStandings: result.standings },
      },
    })
    results.push(result)
  }
  return results
}
