import { randomBytes } from 'node:crypto'
import type { CollectionSlug, Payload } from 'payload'

/** Array rows need ids when written below Payload's field layer. */
const rowId = () => randomBytes(12).toString('hex')

/**
 * Documents inserted straight through the database adapter: the access test is about who may
 * reach a document, so fixtures skip the business hooks that other tests cover.
 */
export async function insertFixture(
  payload: Payload,
  collection: CollectionSlug,
  officeId: number | string,
  unique: string,
): Promise<{ id: number | string }> {
  const now = new Date().toISOString()
  const stamp = { createdAt: now, updatedAt: now }
  const data = fixtureData(collection, officeId, unique)
  if (collection === 'change-notices')
    data.edition = (await insertFixture(payload, 'terms-editions', officeId, `${unique}e`)).id
  const doc = await payload.db.create({ collection, data: { ...data, ...stamp }, req: {} as never })
  return { id: doc.id as number | string }
}

let dayOffset = 0
/** Policies are unique per office and date, so every fixture gets its own day. */
function uniqueFutureDate(): string {
  return new Date(Date.UTC(2099, 0, 1 + dayOffset++)).toISOString().slice(0, 10)
}

function fixtureData(
  collection: CollectionSlug,
  office: number | string,
  unique: string,
): Record<string, unknown> {
  switch (collection) {
    case 'offices':
      return {
        slug: `fixture-${unique}`,
        name: `Fixture ${unique}`,
        signatoryTitle: '所長',
        prefecture: '東京都',
        staffNotes: 'internal',
      }
    case 'users':
      return {
        email: `fixture-${unique}@demo.test`,
        role: 'office-staff',
        offices: [{ id: rowId(), office }],
      }
    case 'reservation-policies':
      return {
        office,
        effectiveFrom: uniqueFutureDate(),
        channels: [
          {
            id: rowId(),
            channel: 'staff-scheduled',
            tools: ['zoom'],
            requiredFields: ['name'],
            cancelBy: ['phone'],
          },
        ],
        windows: [{ id: rowId(), weekday: '1', start: '10:00', end: '12:00' }],
        sessionMinutes: 30,
        capacityPerSlot: 1,
        bookingWindowDays: 30,
        leadTime: 'previous-day',
        confirmWindowMinutes: 60,
        noShowGraceMinutes: 10,
        refuseAfterNoShows: 0,
        court: '前橋地方裁判所',
        governingLaw: '日本法',
      }
    case 'bookings':
      return {
        office,
        reference: `FX-${unique}`,
        slotStart: '2099-01-05T01:00:00.000Z',
        slotEnd: '2099-01-05T01:30:00.000Z',
        channel: 'staff-scheduled',
        tool: 'zoom',
        status: 'confirmed',
        applicant: {
          name: '申込 太郎',
          email: `applicant-${unique}@demo.test`,
          phone: '0270000000',
        },
        seatLock: `fixture|${unique}`,
      }
    case 'applicant-standings':
      return { office, applicantKey: `key-${unique}`, noShowCount: 0, refused: false }
    case 'terms-templates':
      return {
        name: `Fixture ${unique}`,
        version: 1,
        document: { title: 't', preamble: [], articles: [], signatory: '' },
      }
    case 'terms-editions':
      return {
        office,
        number: 1000 + dayOffset++,
        effectiveFrom: '2099-01-01',
        status: 'draft',
        publishedKey: `draft|${unique}`,
        content: {},
      }
    case 'change-notices':
      return {
        office,
        edition: null,
        ground: '2',
        effectiveFrom: '2099-01-01',
        status: 'draft',
        title: `Fixture ${unique}`,
      }
    case 'audit-log':
      return {
        at: new Date().toISOString(),
        action: 'fixture',
        collectionSlug: 'offices',
        documentId: unique,
        office: String(office),
      }
    case 'claims':
      return {
        key: `fixture|${unique}`,
        kind: 'job-run',
        claimedBy: 'fixture:1',
        claimedAt: new Date().toISOString(),
      }
    case 'address-hits':
      return { bucket: `fixture|${unique}|0`, at: new Date().toISOString() }
    default:
      throw new Error(`no fixture for ${collection}`)
  }
}
