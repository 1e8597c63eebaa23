import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import type { Booking } from '../../payload-types'
import {
  narrowToSelected,
  officeNameOf,
  officesOf,
  SELECTED_OFFICE_COOKIE,
} from '../shared/offices'
import { adminText } from '../shared/text'
import {
  addDays,
  formatDay,
  formatTime,
  isIsoDate,
  tokyoDayStart,
  tokyoToday,
} from '../../lib/tokyoTime'
import { PrintButton } from './PrintButton'

const MAX_DAYS = 7

/** Bookings that still hold their seat on the day; cancelled and lapsed ones are not worked. */
const PRINTED_STATUSES: Booking['status'][] = [
  'pending_confirmation',
  'confirmed',
  'completed',
  'no_show',
]

function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/**
 * /admin/bookings-print: the day's sheet for the consultation desk, one A4 page per day, with
 * only what the work needs: time, reference, name, tool and meeting URL (no contact details,
 * no 求職番号). Rendered without the admin's navigation so that it prints as it shows.
 */
export async function BookingsPrintView(props: AdminViewServerProps) {
  const { initPageResult, searchParams } = props
  const { req } = initPageResult
  const { payload, user, i18n } = req
  if (!user)
    redirect(
      `${payload.config.routes.admin}/login?redirect=${encodeURIComponent('/admin/bookings-print')}`,
    )
  const text = adminText(i18n.language)
  const requestedDate = firstOf(searchParams?.date)
  const from = isIsoDate(requestedDate) ? requestedDate : tokyoToday()
  const requestedDays = Number(firstOf(searchParams?.days))
  const range =
    Number.isInteger(requestedDays) && requestedDays >= 1 && requestedDays <= MAX_DAYS
      ? requestedDays
      : 1
  const offices = narrowToSelected(
    await officesOf(payload, user),
    initPageResult.cookies.get(SELECTED_OFFICE_COOKIE),
  )
  const days = Array.from({ length: range }, (_, index) => addDays(from, index))
  const bookings =
    offices.length === 0
      ? []
      : (
          await payload.find({
            collection: 'bookings',
            where: {
              and: [
                { office: { in: offices.map((office) => office.id) } },
                { status: { in: PRINTED_STATUSES } },
                { slotStart: { greater_than_equal: tokyoDayStart(from).toISOString() } },
                { slotStart: { less_than: tokyoDayStart(addDays(from, range)).toISOString() } },
              ],
            },
            sort: 'slotStart',
            pagination: false,
            depth: 0,
            overrideAccess: false,
            user,
            req,
          })
        ).docs
  const byDay = new Map(days.map((day) => [day, [] as Booking[]]))
  for (const booking of bookings) byDay.get(tokyoToday(new Date(booking.slotStart)))?.push(booking)
  const officeLine = offices.map((office) => office.name).join(text.common.listSeparator)

  return (
    <main className="kiyaku-print" lang={i18n.language === 'en' ? 'en' : 'ja'}>
      <div className="kiyaku-print__controls">
        <PrintButton />
        <a
          className="kiyaku-button"
          href={`${payload.config.routes.admin}/bookings-day?date=${from}&days=${range}`}
        >
          {text.print.back}
        </a>
      </div>
      {days.map((day) => {
        const dayBookings = byDay.get(day) ?? []
        return (
          <section key={day} className="kiyaku-print__day" aria-labelledby={`print-${day}`}>
            <h1 id={`print-${day}`}>
              {text.print.title}: {formatDay(day, i18n.language)}
            </h1>
            <p>{officeLine}</p>
            {dayBookings.length === 0 ? (
              <p>{text.print.none}</p>
            ) : (
              <table className="kiyaku-print__table">
                <thead>
                  <tr>
                    <th scope="col">{text.day.time} (JST)</th>
                    <th scope="col">{text.day.reference}</th>
                    <th scope="col">{text.print.name}</th>
                    <th scope="col">{text.print.tool}</th>
                    <th scope="col">{text.print.url}</th>
                  </tr>
                </thead>
                <tbody>
                  {dayBookings.map((booking) => (
                    <tr key={booking.id} data-booking={booking.reference ?? booking.id}>
                      <td>
                        {formatTime(booking.slotStart)}
                        {booking.slotEnd
                          ? `${text.common.until}${formatTime(booking.slotEnd)}`
                          : ''}
                        {offices.length > 1 ? (
                          <div>{officeNameOf(offices, booking.office)}</div>
                        ) : null}
                      </td>
                      <td>{booking.reference ?? ''}</td>
                      <td>{booking.applicant?.name ?? ''}</td>
                      <td>{booking.tool ? text.tool[booking.tool] : ''}</td>
                      <td className="kiyaku-print__url">{booking.meetingUrl ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )
      })}
    </main>
  )
}
