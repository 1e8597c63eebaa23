import type { Payload, TypedUser } from 'payload'

import type { Booking, ChangeNotice, Office, TermsEdition } from '../../payload-types'
import { addDays, tokyoDayStart, tokyoToday } from '../../lib/tokyoTime'

type EditionSummary = Pick<TermsEdition, 'id' | 'number' | 'effectiveFrom' | 'status' | 'title'>
type NoticeSummary = Pick<ChangeNotice, 'id' | 'title' | 'effectiveFrom' | 'status' | 'ground'>

export interface OfficeOverview {
  office: Office
  todaysBookings: Booking[]
  pendingConfirmations: number
  editionInForce: EditionSummary | null
  upcomingEditions: EditionSummary[]
  draftEditions: EditionSummary[]
  recentNotices: NoticeSummary[]
}

const ACTIVE_STATUSES: Booking['status'][] = [
  'pending_confirmation',
  'confirmed',
  'completed',
  'no_show',
]

/** What an office's dashboard card shows, read with the user's own access. */
export async function officeOverview(
  payload: Payload,
  user: TypedUser,
  office: Office,
  now: Date = new Date(),
): Promise<OfficeOverview> {
  const today = tokyoToday(now)
  const asUser = { overrideAccess: false, user, depth: 0 } as const
  const [todays, pending, editions, notices] = await Promise.all([
    payload.find({
      collection: 'bookings',
      ...asUser,
      where: {
        and: [
          { office: { equals: office.id } },
          { status: { in: ACTIVE_STATUSES } },
          { slotStart: { greater_than_equal: tokyoDayStart(today).toISOString() } },
          { slotStart: { less_than: tokyoDayStart(addDays(today, 1)).toISOString() } },
        ],
      },
      sort: 'slotStart',
      limit: 50,
    }),
    payload.count({
      collection: 'bookings',
      overrideAccess: false,
      user,
      where: {
        and: [
          { office: { equals: office.id } },
          { status: { equals: 'pending_confirmation' } },
          { slotStart: { greater_than_equal: now.toISOString() } },
        ],
      },
    }),
    payload.find({
      collection: 'terms-editions',
      ...asUser,
      where: { office: { equals: office.id } },
      sort: 'effectiveFrom',
      pagination: false,
      select: { number: true, effectiveFrom: true, status: true, title: true, office: true },
    }),
    payload.find({
      collection: 'change-notices',
      ...asUser,
      where: { office: { equals: office.id } },
      sort: '-createdAt',
      limit: 5,
      select: { title: true, effectiveFrom: true, status: true, ground: true, publishedAt: true },
    }),
  ])
  const published = editions.docs.filter((edition) => edition.status === 'published')
  const inForce = published.filter((edition) => edition.effectiveFrom <= today).at(-1) ?? null
  return {
    office,
    todaysBookings: todays.docs,
    pendingConfirmations: pending.totalDocs,
    editionInForce: inForce,
    upcomingEditions: published.filter((edition) => edition.effectiveFrom > today),
    draftEditions: editions.docs.filter((edition) => edition.status === 'draft'),
    recentNotices: notices.docs,
  }
}
