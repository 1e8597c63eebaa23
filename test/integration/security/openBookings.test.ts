import { describe, expect, it } from 'vitest'

import {
  applicant,
  at,
  bookingSuite,
  KITAKYUSHU,
  postJson,
  selfServiceBody,
  uniqueEmail,
} from '../booking/support'
import { DEFAULT_MAX_OPEN_BOOKINGS } from '../../../src/rules/booking/checkOpenBookings'

const suite = bookingSuite(2)

describe('one applicant cannot hold every slot', () => {
  it(`refuses the booking after ${DEFAULT_MAX_OPEN_BOOKINGS} open ones with 422 too_many_open_bookings, however the address is written`, async () => {
    const email = uniqueEmail('hoarder')
    const book = (time: string, who: Record<string, unknown>) =>
      postJson(
        `${suite.base}/offices/${KITAKYUSHU}/bookings`,
        selfServiceBody(suite.edition(), at(suite.dates[0]!, time), { applicant: applicant(who) }),
      )
    const times = ['10:00', '10:30', '11:00', '11:30', '13:00']
    for (const time of times.slice(0, DEFAULT_MAX_OPEN_BOOKINGS)) {
      expect((await book(time, { email })).status).toBe(202)
    }
    const refused = await book(times[DEFAULT_MAX_OPEN_BOOKINGS]!, {
      email: email.toUpperCase(),
      jobSeekerNumber: '13010-4440001',
    })
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].code).toBe('too_many_open_bookings')

    // Someone else still books.
    expect((await book(times[DEFAULT_MAX_OPEN_BOOKINGS]!, { email: uniqueEmail() })).status).toBe(
      202,
    )
  })
})
