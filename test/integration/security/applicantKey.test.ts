import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { applicantKeys } from '../../../src/services/bookings/applicantKey'
import { rekeyApplicantKeys } from '../../../src/services/bookings/rekeyApplicantKeys'
import { insertFixture } from '../access/fixtures'
import { startTestServer, type TestServer } from '../../support/server'

let server: TestServer
let officeId: number | string

beforeAll(async () => {
  server = await startTestServer()
  const { docs } = await server.payload.find({
    collection: 'offices',
    where: { slug: { equals: 'isesaki' } },
  })
  officeId = docs[0]!.id
})

afterAll(async () => {
  await server?.close()
})

/** What an attacker with a copy of the database computes for each candidate 求職番号. */
const unkeyed = (office: number | string, number: string) =>
  createHash('sha256').update(`${office}\u0000job-seeker\u0000${number}`, 'utf8').digest('hex')

describe('applicantKey is keyed with the server key', () => {
  it('cannot be found by hashing candidate job-seeker numbers', () => {
    const [key] = applicantKeys(officeId, { jobSeekerNumber: '13010-5550001' } as never)
    expect(key).toBeDefined()
    expect(key).not.toContain(unkeyed(officeId, '13010-5550001'))
  })

  it('existing rows are rekeyed: bookings and standings, counts kept', async () => {
    const applicant = {
      name: '旧 鍵子',
      email: 'Old.Key@applicant.test',
      jobSeekerNumber: '13010-5550002',
    }
    const oldKey = unkeyed(officeId, applicant.jobSeekerNumber)
    const oldEmailKey = createHash('sha256')
      .update(`${officeId}\u0000email\u0000old.key@applicant.test`, 'utf8')
      .digest('hex')
    const booking = await insertFixture(server.payload, 'bookings', officeId, 'rekey')
    await server.payload.db.updateOne({
      collection: 'bookings',
      id: booking.id,
      data: { applicant, applicantKey: oldKey },
      returning: false,
    })
    for (const [key, noShowCount] of [
      [oldKey, 2],
      [oldEmailKey, 1],
    ] as const) {
      const standing = await insertFixture(
        server.payload,
        'applicant-standings',
        officeId,
        key.slice(0, 8),
      )
      await server.payload.db.updateOne({
        collection: 'applicant-standings',
        id: standing.id,
        data: { applicantKey: key, noShowCount },
        returning: false,
      })
    }
    const orphan = await insertFixture(server.payload, 'applicant-standings', officeId, 'orphan')
    await server.payload.db.updateOne({
      collection: 'applicant-standings',
      id: orphan.id,
      data: { applicantKey: unkeyed(officeId, '99999-0000000') },
      returning: false,
    })

    await rekeyApplicantKeys(server.payload)
    const again = await rekeyApplicantKeys(server.payload)
    expect(again).toEqual({ bookings: 0, standings: 0 })

    const [newKey, newEmailKey] = applicantKeys(officeId, {
      ...applicant,
      email: applicant.email,
    } as never)
    const stored = await server.payload.findByID({ collection: 'bookings', id: booking.id })
    expect(stored.applicantKey).toBe(newKey)
    const { docs } = await server.payload.find({
      collection: 'applicant-standings',
      where: { office: { equals: officeId } },
      pagination: false,
    })
    const byKey = new Map(docs.map((doc) => [doc.applicantKey, doc.noShowCount]))
    expect(byKey.get(newKey!)).toBe(2)
    expect(byKey.get(newEmailKey!)).toBe(1)
    const text = JSON.stringify(docs)
    expect(text).not.toContain(oldKey)
    expect(text).not.toContain(oldEmailKey)
    expect(text).not.toContain(unkeyed(officeId, '99999-0000000'))
  })

  it('rekeying in several processes at once merges each standing once', async () => {
    // Per applicant: a booking with details under the unkeyed key, a standing under it (2
    // no-shows) and one already under the keyed form (1 no-show, counted since the upgrade).
    const applicants = Array.from({ length: 3 }, (_, index) => ({
      name: '並行 鍵子',
      jobSeekerNumber: `13010-56${String(index).padStart(5, '0')}`,
    }))
    for (const [index, applicant] of applicants.entries()) {
      const oldKey = unkeyed(officeId, applicant.jobSeekerNumber)
      const [newKey] = applicantKeys(officeId, applicant as never)
      const booking = await insertFixture(server.payload, 'bookings', officeId, `race-${index}`)
      await server.payload.db.updateOne({
        collection: 'bookings',
        id: booking.id,
        data: { applicant, applicantKey: oldKey },
        returning: false,
      })
      for (const [key, noShowCount] of [
        [oldKey, 2],
        [newKey!, 1],
      ] as const) {
        const standing = await insertFixture(
          server.payload,
          'applicant-standings',
          officeId,
          `race-${index}-${noShowCount}`,
        )
        await server.payload.db.updateOne({
          collection: 'applicant-standings',
          id: standing.id,
          data: { applicantKey: key, noShowCount },
          returning: false,
        })
      }
    }

    // Two processes starting together: the second runs in full at the worst moment for the
    // first, just after the first added the old count to the new standing and before it deleted
    // the old one. The adapter is only watched for that moment (each call goes through to it).
    const db = server.payload.db
    const updateOne = db.updateOne.bind(db)
    let second: Promise<unknown> | undefined
    const watch = vi.spyOn(db, 'updateOne').mockImplementation(async (args) => {
      const result = await updateOne(args)
      const data = args.data as { noShowCount?: unknown }
      if (!second && args.collection === 'applicant-standings' && data.noShowCount === 3) {
        second = rekeyApplicantKeys(server.payload)
        await second
      }
      return result
    })
    try {
      await rekeyApplicantKeys(server.payload)
    } finally {
      watch.mockRestore()
    }
    expect(second, 'the second run started mid-merge').toBeDefined()

    const { docs } = await server.payload.find({
      collection: 'applicant-standings',
      where: { office: { equals: officeId } },
      pagination: false,
    })
    for (const applicant of applicants) {
      const [newKey] = applicantKeys(officeId, applicant as never)
      const under = docs.filter((doc) => doc.applicantKey === newKey)
      expect(under.map((doc) => doc.noShowCount)).toEqual([3])
      expect(JSON.stringify(docs)).not.toContain(unkeyed(officeId, applicant.jobSeekerNumber))
    }
  })
})
