import { closedDayReason, type ClosedDayReason } from './checkClosedDay'
import { listSlots } from './listSlots'
import { addDays, tokyoDay } from '../../lib/tokyoTime'
import type { BookingPolicy } from './types'

export interface SampleDay {
  date: string
  /** ISO weekday, 1 = Monday. */
  weekday: number
  closed: ClosedDayReason | null
  /** Slot starts as HH:mm (Tokyo). */
  starts: string[]
}

/** The Monday on or after a YYYY-MM-DD date. */
export function mondayOnOrAfter(isoDate: string): string {
  const { weekday } = tokyoDay(isoDate)
  return weekday === 1 ? isoDate : addDays(isoDate, 8 - weekday)
}

/**
 * The slots the public would be offered in the week from `monday`, before any booking, from
 * weekly windows, session length and closures as they stand in the form: the same listSlots the
 * booking API uses, with lead time and booking window out of the way.
 */
export function sampleWeekSlots(
  policy: Pick<BookingPolicy, 'windows' | 'sessionMinutes' | 'closures'>,
  monday: string,
): SampleDay[] {
  const slots = listSlots({
    policies: [
      {
        effectiveFrom: '1970-01-01',
        channels: [],
        capacityPerSlot: 1,
        leadTime: 'before-start',
        bookingWindowDays: 366,
        confirmWindowMinutes: 60,
        noShowGraceMinutes: 0,
        refuseAfterNoShows: 0,
        eligibility: [],
        court: '',
        governingLaw: '',
        ...policy,
      },
    ],
    from: monday,
    to: addDays(monday, 6),
    now: new Date(tokyoDay(monday).startMs - 1),
  })
  return Array.from({ length: 7 }, (_, index) => {
    const date = addDays(monday, index)
    return {
      date,
      weekday: index + 1,
      closed: closedDayReason(date, policy),
      starts: slots
        .filter((slot) => slot.start.startsWith(date))
        .map((slot) => slot.start.slice(11, 16)),
    }
  })
}
