import { cookies } from 'next/headers'
import type { ServerProps } from 'payload'

import { roleOf } from '../../access/roles'
import type { ChangeNotice, TermsEdition } from '../../payload-types'
import { narrowToSelected, officesOf, SELECTED_OFFICE_COOKIE } from '../shared/offices'
import { adminText, type AdminText } from '../shared/text'
import { formatEraDay, formatTime } from '../../lib/tokyoTime'
import { officeOverview, type OfficeOverview } from './officeOverview'

/**
 * Above Payload's collection cards: per office, today's bookings, pending confirmations and the
 * terms in force, scheduled and proposed. Headquarters sees every office in one table.
 */
export async function OfficeDashboard({ payload, user, i18n }: ServerProps) {
  if (!user || !payload) return null
  const language = i18n?.language ?? 'ja'
  const text = adminText(language)
  const adminRoute = payload.config.routes.admin
  const allOffices = await officesOf(payload, user)
  if (allOffices.length === 0) {
    return (
      <section className="kiyaku-dashboard">
        <p>{text.dashboard.noOffices}</p>
      </section>
    )
  }
  const selected = (await cookies()).get(SELECTED_OFFICE_COOKIE)?.value
  const isHq = roleOf(user) === 'hq-admin'
  const offices = isHq ? allOffices : narrowToSelected(allOffices, selected)
  const overviews = await Promise.all(
    offices.map((office) => officeOverview(payload, user, office)),
  )
  const context = { text, language, adminRoute }

  if (isHq) {
    return (
      <section className="kiyaku-dashboard" aria-labelledby="kiyaku-dashboard-title">
        <h2 id="kiyaku-dashboard-title">{text.dashboard.hqHeading}</h2>
        <div className="kiyaku-table-wrap">
          <table className="kiyaku-table">
            <thead>
              <tr>
                <th scope="col">{text.dashboard.office}</th>
                <th scope="col">{text.dashboard.termsInForce}</th>
                <th scope="col">{text.dashboard.upcoming}</th>
                <th scope="col">{text.dashboard.drafts}</th>
                <th scope="col">{text.dashboard.notices}</th>
                <th scope="col">{text.dashboard.todaysBookings}</th>
              </tr>
            </thead>
            <tbody>
              {overviews.map((overview) => (
                <tr key={overview.office.id} data-office={overview.office.slug}>
                  <th scope="row">{overview.office.name}</th>
                  <td>
                    <EditionLink edition={overview.editionInForce} {...context} />
                  </td>
                  <td>
                    <EditionList editions={overview.upcomingEditions} empty="—" {...context} />
                  </td>
                  <td>
                    <EditionList editions={overview.draftEditions} empty="—" {...context} />
                  </td>
                  <td>
                    <NoticeList notices={overview.recentNotices} {...context} />
                  </td>
                  <td>{overview.todaysBookings.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a className="kiyaku-button" href={`${adminRoute}/collections/terms-templates`}>
            {text.dashboard.publishTemplate}
          </a>
        </p>
      </section>
    )
  }

  return (
    <section className="kiyaku-dashboard" aria-labelledby="kiyaku-dashboard-title">
      <h2 id="kiyaku-dashboard-title">{text.dashboard.title}</h2>
      <div className="kiyaku-cards">
        {overviews.map((overview) => (
          <OfficeCard key={overview.office.id} overview={overview} {...context} />
        ))}
      </div>
    </section>
  )
}

interface RenderContext {
  text: AdminText
  language: string
  adminRoute: string
}

function OfficeCard({
  overview,
  text,
  language,
  adminRoute,
}: { overview: OfficeOverview } & RenderContext) {
  const context = { text, language, adminRoute }
  const headingId = `office-${overview.office.slug}`
  return (
    <article className="kiyaku-card" aria-labelledby={headingId} data-office={overview.office.slug}>
      <h3 id={headingId}>{overview.office.name}</h3>
      <div className="kiyaku-card__figures">
        <a className="kiyaku-figure" href={`${adminRoute}/bookings-day`}>
          <span className="kiyaku-figure__value">{overview.todaysBookings.length}</span>
          <span className="kiyaku-figure__label">{text.dashboard.todaysBookings}</span>
        </a>
        <a className="kiyaku-figure" href={`${adminRoute}/bookings-day?days=7`}>
          <span className="kiyaku-figure__value">{overview.pendingConfirmations}</span>
          <span className="kiyaku-figure__label">{text.dashboard.pending}</span>
        </a>
      </div>
      {overview.todaysBookings.length > 0 ? (
        <ul className="kiyaku-list">
          {overview.todaysBookings.slice(0, 5).map((booking) => (
            <li key={booking.id}>
              {formatTime(booking.slotStart)} {text.status[booking.status]}
              {booking.applicant?.name ? ` — ${booking.applicant.name}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="kiyaku-terms-summary">
        <dt>{text.dashboard.termsInForce}</dt>
        <dd>
          <EditionLink edition={overview.editionInForce} {...context} />
        </dd>
        <dt>{text.dashboard.upcoming}</dt>
        <dd>
          <EditionList
            editions={overview.upcomingEditions}
            empty={text.dashboard.noUpcoming}
            {...context}
          />
        </dd>
        {overview.draftEditions.length > 0 ? (
          <>
            <dt>{text.dashboard.drafts}</dt>
            <dd>
              <EditionList editions={overview.draftEditions} empty="" {...context} />
            </dd>
          </>
        ) : null}
        <dt>{text.dashboard.notices}</dt>
        <dd>
          <NoticeList notices={overview.recentNotices} {...context} />
        </dd>
      </dl>
    </article>
  )
}

function EditionLink({
  edition,
  text,
  language,
  adminRoute,
}: { edition: Pick<TermsEdition, 'id' | 'number' | 'effectiveFrom'> | null } & RenderContext) {
  if (!edition) return <span className="kiyaku-muted">{text.dashboard.none}</span>
  return (
    <a href={`${adminRoute}/collections/terms-editions/${edition.id}`}>
      {text.dashboard.editionFrom(
        text.dashboard.edition(edition.number),
        text.dashboard.from(formatEraDay(edition.effectiveFrom, language)),
      )}
    </a>
  )
}

function EditionList({
  editions,
  empty,
  ...context
}: {
  editions: Pick<TermsEdition, 'id' | 'number' | 'effectiveFrom'>[]
  empty: string
} & RenderContext) {
  if (editions.length === 0) return <span className="kiyaku-muted">{empty}</span>
  return (
    <ul className="kiyaku-list">
      {editions.map((edition) => (
        <li key={edition.id}>
          <EditionLink edition={edition} {...context} />
        </li>
      ))}
    </ul>
  )
}

function NoticeList({
  notices,
  text,
  language,
  adminRoute,
}: { notices: Pick<ChangeNotice, 'id' | 'title' | 'effectiveFrom' | 'status'>[] } & RenderContext) {
  if (notices.length === 0) return <span className="kiyaku-muted">{text.dashboard.noNotices}</span>
  return (
    <ul className="kiyaku-list">
      {notices.map((notice) => (
        <li key={notice.id}>
          <a href={`${adminRoute}/collections/change-notices/${notice.id}`}>
            {notice.title || text.dashboard.notices}
          </a>{' '}
          <span className="kiyaku-muted">
            {text.dashboard.noticeState(
              text.dashboard.effective(formatEraDay(notice.effectiveFrom, language)),
              notice.status === 'published' ? text.dashboard.published : text.dashboard.draft,
            )}
          </span>
        </li>
      ))}
    </ul>
  )
}
