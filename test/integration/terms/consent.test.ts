import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { closedDayReason } from '../../../src/rules/booking/checkClosedDay'
import { tokyoDay } from '../../../src/lib/tokyoTime'
import { demoPolicies } from '../../../src/seed/policies'
import { startTestServer, type TestServer } from '../../support/server'
import { addDays, officeIdOf, tokyoToday } from './support'

const STAFF = 'isesaki-staff@demo.test'
const isesakiPolicy = demoPolicies.isesaki

/** The first date on or after `from` with 伊勢崎 hours and the office open. */
function openDayFrom(from: string): string {
  let day = from
  while (
    !isesakiPolicy.windows.some((w) => w.weekday === tokyoDay(day).weekday) ||
    closedDayReason(day, isesakiPolicy)
  ) {
    day = addDays(day, 1)
  }
  return day
}

const at = (date: string, time: string) => `${date}T${time}:00+09:00`

describe('consent that would stand up', () => {
  let server: TestServer
  let payload: Payload
  let isesaki: number | string
  let staff: Awaited<ReturnType<Payload['find']>>['docs'][number]

  beforeAll(async () => {
    server = await startTestServer()
    payload = server.payload
    isesaki = await officeIdOf(payload, 'isesaki')
    staff = (await payload.find({ collection: 'users', where: { email: { equals: STAFF } } }))
      .docs[0]!
  })
  afterAll(async () => {
    await server?.close()
  })

  interface ConsentRecord {
    termsEdition: number | { id: number }
    method: string | null
    shownVia: string | null
    inForceAtBooking: number | { id: number } | null
  }
  const idOf = (value: unknown) =>
    value && typeof value === 'object' ? (value as { id: unknown }).id : value

  async function editionNumbered(number: number) {
    const { docs } = await payload.find({
      collection: 'terms-editions',
      where: { office: { equals: isesaki }, number: { equals: number } },
    })
    return docs[0]!
  }

  function staffBooking(slotDate: string, consent: Record<string, unknown>) {
    return payload.create({
      collection: 'bookings',
      data: {
        office: isesaki as number,
        slotStart: at(slotDate, '10:00'),
        channel: 'staff-scheduled',
        tool: 'zoom',
        applicant: {
          name: '鈴木 二郎',
          email: 'consent@example.test',
          jobSeekerNumber: '10010-11111',
          desiredDateTime: '午前',
        },
        eligibility: Object.fromEntries(isesakiPolicy.eligibility.map((s) => [s.id, true])),
        consent,
      } as never,
      user: staff,
      overrideAccess: false,
      // Booked today: the seeded second edition takes effect in 45 days.
      context: { kiyakuBooking: { now: at(addDays(slotDate, -3), '09:00') } },
    })
  }

  it('records how the terms were shown, and the wording of what was affirmed', async () => {
    const date = openDayFrom(addDays(tokyoToday(), 5))
    const booking = (await staffBooking(date, { shownVia: 'phone' })) as unknown as {
      consent: ConsentRecord
      eligibilityAffirmed: { id: string; text: string }[]
    }
    expect(booking.consent).toMatchObject({ method: 'shown-by-staff', shownVia: 'phone' })
    expect(booking.consent.inForceAtBooking).toBeNull()
    expect(booking.eligibilityAffirmed).toEqual(
      isesakiPolicy.eligibility.map(({ id, text }) => ({ id, text })),
    )
    await expect(
      staffBooking(openDayFrom(addDays(date, 1)), { shownVia: 'fax' }),
    ).rejects.toMatchObject({
      data: { code: 'invalid_field', field: 'consent.shownVia' },
    })
  })

  it('for a slot after the upcoming edition takes effect, consent goes to that edition', async () => {
    const first = await editionNumbered(1)
    const second = await editionNumbered(2)
    expect(second.status).toBe('published')
    const after = openDayFrom(addDays(second.effectiveFrom, 1))
    const nearer = (await payload.create({
      collection: 'bookings',
      data: {
        office: isesaki as number,
        slotStart: at(after, '11:30'),
        channel: 'staff-scheduled',
        tool: 'zoom',
        applicant: {
          name: '鈴木 二郎',
          email: 'two@example.test',
          jobSeekerNumber: '10010-22222',
          desiredDateTime: '午前',
        },
        eligibility: Object.fromEntries(isesakiPolicy.eligibility.map((s) => [s.id, true])),
        consent: { shownVia: 'phone' },
      } as never,
      user: staff,
      overrideAccess: false,
      context: { kiyakuBooking: { now: at(addDays(second.effectiveFrom, -2), '09:00') } },
    })) as unknown as { consent: ConsentRecord }
    expect(String(idOf(nearer.consent.termsEdition))).toBe(String(second.id))
    expect(String(idOf(nearer.consent.inForceAtBooking))).toBe(String(first.id))

    await expect(
      payload.create({
        collection: 'bookings',
        data: {
          office: isesaki as number,
          slotStart: at(after, '14:00'),
          channel: 'staff-scheduled',
          tool: 'zoom',
          applicant: {
            name: '鈴木 二郎',
            email: 'three@example.test',
            jobSeekerNumber: '10010-33333',
            desiredDateTime: '午後',
          },
          eligibility: Object.fromEntries(isesakiPolicy.eligibility.map((s) => [s.id, true])),
          consent: { termsEdition: first.id },
        } as never,
        user: staff,
        overrideAccess: false,
        context: { kiyakuBooking: { now: at(addDays(second.effectiveFrom, -2), '09:00') } },
      }),
    ).rejects.toMatchObject({ data: { code: 'terms_not_current' } })
  })
})
