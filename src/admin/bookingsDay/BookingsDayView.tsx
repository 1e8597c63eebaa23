import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { roleOf } from '../../access/roles'
import type { Booking } from '../../payload-types'
import { maySeeContacts } from '../../rules/booking/bookingExport'
import { idOf } from '../../lib/ids'
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
import { BookingActions } from './BookingActions'
import { BookingSearch } from './BookingSearch'
import { ExportForm } from './ExportForm'

const RANGE_CHOICES = [1, 3, 7] as const
const DEFAULT_RANGE = 3

function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/**
 * /admin/bookings-day: the bookings of a few days, grouped by day, for the offices the user
 * works for (or the one picked in the office selector). Read with the user's own access.
 */
export async function BookingsDayView(props: AdminViewServerProps) {
  const { initPageResult, searchParams } = props
  const { req, permissions, visibleEntities } = initPageResult
  const { payload, user, i18n } = req
  if (!user)
    redirect(
      `${payload.config.routes.admin}/login?redirect=${encodeURIComponent('/admin/bookings-day')}`,
    )
  const text = adminText(i18n.language)

  const requestedDate = firstOf(searchParams?.date)
  const from = isIsoDate(requestedDate) ? requestedDate : tokyoToday()
  const requestedRange = Number(firstOf(searchParams?.days))
  const range = RANGE_CHOICES.includes(requestedRange as (typeof RANGE_CHOICES)[number])
    ? requestedRange
    : DEFAULT_RANGE

  const allOffices = await officesOf(payload, user)
  const offices = narrowToSelected(allOffices, initPageResult.cookies.get(SELECTED_OFFICE_COOKIE))
  const days = Array.from({ length: range }, (_, index) => addDays(from, index))
  const { docs: bookings } =
    offices.length === 0
      ? { docs: [] as Booking[] }
      : await payload.find({
          collection: 'bookings',
          where: {
            and: [
              { office: { in: offices.map((office) => office.id) } },
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

  const byDay = new Map(days.map((day) => [day, [] as Booking[]]))
  for (const booking of bookings) {
    const day = tokyoToday(new Date(booking.slotStart))
    byDay.get(day)?.push(booking)
  }
  const link = (date: string, days = range) => `?date=${date}&days=${days}`
  const adminRoute = payload.config.routes.admin
  const role = roleOf(user)
  const singleOffice = offices.length === 1 ? offices[0] : undefined

  return (
    <DefaultTemplate
      i18n={i18n}
      locale={initPageResult.locale}
      params={props.params}
      payload={payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user}
      visibleEntities={visibleEntities}
      req={req}
      viewType="bookings-day"
    >
      <Gutter className="kiyaku-day">
        <header className="kiyaku-view-header">
          <h1>{text.day.title}</h1>
          <p className="kiyaku-muted">
            {text.day.description}
            {offices.length === 1 ? text.day.ofOffice(offices[0]?.name ?? '') : ''}
          </p>
          <nav className="kiyaku-day__nav" aria-label={text.day.title}>
            <a className="kiyaku-button" href={link(addDays(from, -range))}>
              ← {text.day.previous}
            </a>
            <a className="kiyaku-button" href={link(tokyoToday())}>
              {text.day.today}
            </a>
            <a className="kiyaku-button" href={link(addDays(from, range))}>
              {text.day.next} →
            </a>
            <span className="kiyaku-day__range">
              {text.day.range}:
              {RANGE_CHOICES.map((choice) => (
                <a
                  key={choice}
                  className="kiyaku-button kiyaku-button--small"
                  href={link(from, choice)}
                  aria-current={choice === range ? 'true' : undefined}
                >
                  {text.day.days(choice)}
                </a>
              ))}
            </span>
            <a
              className="kiyaku-button"
              href={`${adminRoute}/bookings-print?date=${from}&days=${range}`}
            >
              {text.print.open}
            </a>
          </nav>
        </header>
        <BookingSearch office={singleOffice?.id} />
        <details className="kiyaku-export">
          <summary>{text.export.heading}</summary>
          <ExportForm
            from={from}
            to={addDays(from, range - 1)}
            office={singleOffice?.id}
            mayAskContacts={Boolean(role && maySeeContacts(role))}
          />
        </details>
        {days.map((day) => {
          const dayBookings = byDay.get(day) ?? []
          return (
            <section key={day} className="kiyaku-day__day" aria-labelledby={`day-${day}`}>
              <h2 id={`day-${day}`}>{formatDay(day, i18n.language)}</h2>
              {dayBookings.length === 0 ? (
                <p className="kiyaku-muted">{text.day.none}</p>
              ) : (
                <div className="kiyaku-table-wrap">
                  <table className="kiyaku-table">
                    <thead>
                      <tr>
                        <th scope="col">{text.day.time}</th>
                        <th scope="col">{text.day.status}</th>
                        <th scope="col">{text.day.applicant}</th>
                        <th scope="col">{text.day.contact}</th>
                        <th scope="col">{text.day.method}</th>
                        <th scope="col">{text.day.meeting}</th>
                        <th scope="col">{text.day.actions}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {dayBookings.map((booking) => (
                        <tr key={booking.id} data-booking={booking.reference ?? booking.id}>
                          <td>
                            <strong>
                              {formatTime(booking.slotStart)}
                              {booking.slotEnd
                                ? `${text.common.until}${formatTime(booking.slotEnd)}`
                                : ''}
                            </strong>
                            {offices.length > 1 ? (
                              <div className="kiyaku-muted">
                                {officeNameOf(offices, booking.office)}
                              </div>
                            ) : null}
                          </td>
                          <td>
                            <span className={`kiyaku-pill kiyaku-pill--${booking.status}`}>
                              {text.status[booking.status]}
                            </span>
                          </td>
                          <td>
                            <div>{booking.applicant?.name ?? '—'}</div>
                            {booking.applicant?.jobSeekerNumber ? (
                              <div className="kiyaku-muted">
                                {text.day.jobSeekerNumber}: {booking.applicant.jobSeekerNumber}
                              </div>
                            ) : null}
                            <div className="kiyaku-muted">
                              {text.day.reference}: {booking.reference ?? '—'}
                            </div>
                          </td>
                          <td>
                            {booking.applicant?.phone ? (
                              <div>
                                <a href={`tel:${booking.applicant.phone}`}>
                                  {booking.applicant.phone}
                                </a>
                              </div>
                            ) : null}
                            {booking.applicant?.email ? (
                              <div>
                                <a href={`mailto:${booking.applicant.email}`}>
                                  {booking.applicant.email}
                                </a>
                              </div>
                            ) : null}
                          </td>
                          <td>
                            <div>{text.channel[booking.channel]}</div>
                            {booking.tool ? (
                              <div className="kiyaku-muted">{text.tool[booking.tool]}</div>
                            ) : null}
                          </td>
                          <td>
                            {booking.meetingUrl && /^https?:\/\//.test(booking.meetingUrl) ? (
                              <a
                                href={booking.meetingUrl}
                                target="_blank"
                                rel="noopener noreferrer"
                              >
                                {text.day.openMeeting}
                                <span className="kiyaku-visually-hidden">
                                  {' '}
                                  {booking.meetingUrl}
                                </span>
                              </a>
                            ) : (
                              <span className="kiyaku-muted">{text.day.noMeeting}</span>
                            )}
                          </td>
                          <td>
                            <BookingActions
                              bookingId={booking.id}
                              status={booking.status}
                              label={`${formatTime(booking.slotStart)} ${booking.applicant?.name ?? ''}`}
                            />
                            <a
                              className="kiyaku-link-small"
                              href={`${adminRoute}/collections/bookings/${idOf(booking.id)}`}
                            >
                              {text.day.edit}
                            </a>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          )
        })}
      </Gutter>
    </DefaultTemplate>
  )
}
