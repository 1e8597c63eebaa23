import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { roleOf } from '../../access/roles'
import {
  MAX_USAGE_DAYS,
  mondayOf,
  refusalsByCount,
  type UsageSummary,
} from '../../rules/booking/usage'
import { usageForOffices } from '../../services/usage/usageStats'
import { officesOf } from '../shared/offices'
import { adminText } from '../shared/text'
import { addDays, isIsoDate, tokyoDayStart, tokyoToday } from '../../lib/tokyoTime'
import { StackedBarChart } from './BarChart'

const CHANNEL_COLOURS = ['#1d4ed8', '#b45309']
const CANCEL_COLOURS = ['#047857']
const DEFAULT_WEEKS = 12

function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function percent(value: number | null, language: string): string {
  if (value === null) return '—'
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value)
}

/**
 * /admin/usage: how the service is used, for HQ (every office and all together) and office
 * admins (their own office). Numbers are counts grouped in the database (services/usage) and
 * places offered from the policies; nothing personal is read.
 */
export async function UsageView(props: AdminViewServerProps) {
  const { initPageResult, searchParams } = props
  const { req, permissions, visibleEntities } = initPageResult
  const { payload, user, i18n } = req
  if (!user)
    redirect(`${payload.config.routes.admin}/login?redirect=${encodeURIComponent('/admin/usage')}`)
  const language = i18n.language === 'en' ? 'en' : 'ja'
  const text = adminText(language)
  const role = roleOf(user)
  const allowed = role === 'hq-admin' || role === 'office-admin'

  const today = tokyoToday()
  const requestedFrom = firstOf(searchParams?.from)
  const requestedTo = firstOf(searchParams?.to)
  let to = isIsoDate(requestedTo) ? requestedTo : today
  let from = isIsoDate(requestedFrom)
    ? requestedFrom
    : mondayOf(addDays(today, -7 * (DEFAULT_WEEKS - 1)))
  let rangeNote: string | null = null
  if (to < from) [from, to] = [to, from]
  if (
    (tokyoDayStart(to).getTime() - tokyoDayStart(from).getTime()) / 86_400_000 >=
    MAX_USAGE_DAYS
  ) {
    from = addDays(to, -(MAX_USAGE_DAYS - 1))
    rangeNote = text.usage.rangeCapped(MAX_USAGE_DAYS)
  }

  const offices = allowed ? await officesOf(payload, user) : []
  const requestedOffice = firstOf(searchParams?.office)
  const picked = offices.filter((office) => String(office.id) === requestedOffice)
  const scope = picked.length === 1 ? picked : offices
  const usage =
    scope.length > 0
      ? await usageForOffices(
          payload,
          scope.map((office) => office.id),
          from,
          to,
        )
      : null
  const shown: UsageSummary | null =
    usage === null ? null : scope.length === 1 ? usage.offices[0]!.summary : usage.all
  const scopeName = scope.length === 1 ? scope[0]!.name : text.usage.allOffices(scope.length)

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
      viewType="usage"
    >
      <Gutter className="kiyaku-usage">
        <header className="kiyaku-view-header">
          <h1>{text.usage.title}</h1>
          <p className="kiyaku-muted">{text.usage.description}</p>
        </header>
        {!allowed ? (
          <p className="kiyaku-error">{text.usage.forbidden}</p>
        ) : (
          <>
            <form method="get" className="kiyaku-export__form kiyaku-usage__form">
              <label>
                {text.usage.from}
                <input type="date" name="from" defaultValue={from} required />
              </label>
              <label>
                {text.usage.to}
                <input type="date" name="to" defaultValue={to} required />
              </label>
              <label>
                {text.usage.office}
                <select name="office" defaultValue={picked.length === 1 ? requestedOffice : ''}>
                  {offices.length > 1 ? (
                    <option value="">{text.usage.allOffices(offices.length)}</option>
                  ) : null}
                  {offices.map((office) => (
                    <option key={office.id} value={String(office.id)}>
                      {office.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="kiyaku-button kiyaku-button--primary">
                {text.usage.show}
              </button>
            </form>
            {rangeNote ? <p className="kiyaku-muted">{rangeNote}</p> : null}
            {shown === null ? (
              <p>{text.dashboard.noOffices}</p>
            ) : (
              <section
                aria-labelledby="usage-scope"
                data-scope={scope.length === 1 ? String(scope[0]!.id) : 'all'}
              >
                <h2 id="usage-scope">
                  {text.usage.scopeHeading(
                    scopeName,
                    from.replaceAll('-', '/'),
                    to.replaceAll('-', '/'),
                  )}
                </h2>
                <dl className="kiyaku-usage__figures">
                  <div>
                    <dt>{text.usage.total}</dt>
                    <dd data-figure="total">{shown.total}</dd>
                  </div>
                  <div>
                    <dt>{text.usage.utilisation}</dt>
                    <dd data-figure="utilisation">
                      {percent(shown.utilisation, language)}
                      <span className="kiyaku-muted">
                        {' '}
                        ({shown.booked} / {shown.offered})
                      </span>
                    </dd>
                  </div>
                  <div>
                    <dt>{text.usage.lapsedShare}</dt>
                    <dd data-figure="lapsed">
                      {percent(shown.lapsedShare, language)}
                      <span className="kiyaku-muted">
                        {' '}
                        ({shown.lapsed} / {shown.selfService})
                      </span>
                    </dd>
                  </div>
                  <div>
                    <dt>{text.usage.noShowRate}</dt>
                    <dd data-figure="no-show">
                      {percent(shown.noShowRate, language)}
                      <span className="kiyaku-muted">
                        {' '}
                        ({shown.noShows} / {shown.held})
                      </span>
                    </dd>
                  </div>
                </dl>
                <div className="kiyaku-usage__charts">
                  <StackedBarChart
                    title={text.usage.byWeek}
                    caption={text.usage.weekOf}
                    series={[
                      { name: text.channel['self-service'], colour: CHANNEL_COLOURS[0]! },
                      { name: text.channel['staff-scheduled'], colour: CHANNEL_COLOURS[1]! },
                    ]}
                    groups={shown.weeks.map((week) => ({
                      label: week.weekStart.slice(5).replace('-', '/'),
                      values: [week.byChannel['self-service'], week.byChannel['staff-scheduled']],
                    }))}
                  />
                  <StackedBarChart
                    title={text.usage.cancellations}
                    caption={text.usage.method}
                    series={[{ name: text.usage.count, colour: CANCEL_COLOURS[0]! }]}
                    groups={(['link', 'phone', 'email', 'office'] as const).map((method) => ({
                      label: text.usage.cancelBy[method],
                      values: [shown.cancellations[method]],
                    }))}
                  />
                </div>
                {usage && scope.length > 1 ? (
                  <div className="kiyaku-table-wrap">
                    <table className="kiyaku-table kiyaku-usage__offices">
                      <caption className="kiyaku-visually-hidden">{text.usage.perOffice}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{text.usage.office}</th>
                          <th scope="col">{text.usage.total}</th>
                          <th scope="col">{text.usage.utilisation}</th>
                          <th scope="col">{text.usage.lapsedShare}</th>
                          <th scope="col">{text.usage.noShowRate}</th>
                          <th scope="col">{text.usage.refusalsTotal}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {usage.offices.map(({ officeId, summary }) => (
                          <tr key={officeId} data-office-id={String(officeId)}>
                            <th scope="row">
                              {scope.find((office) => office.id === officeId)?.name}
                            </th>
                            <td>{summary.total}</td>
                            <td>{percent(summary.utilisation, language)}</td>
                            <td>{percent(summary.lapsedShare, language)}</td>
                            <td>{percent(summary.noShowRate, language)}</td>
                            <td data-figure="refusals">
                              {Object.values(summary.refusals).reduce((a, b) => a + b, 0)}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                <section aria-labelledby="usage-refusals" className="kiyaku-usage__refusals">
                  <h3 id="usage-refusals">{text.usage.refusals}</h3>
                  {refusalsByCount(shown.refusals).length === 0 ? (
                    <p className="kiyaku-muted">{text.usage.noRefusals}</p>
                  ) : (
                    <div className="kiyaku-table-wrap">
                      <table className="kiyaku-table">
                        <thead>
                          <tr>
                            <th scope="col">{text.usage.refusalCode}</th>
                            <th scope="col">{text.usage.count}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {refusalsByCount(shown.refusals).map(([code, count]) => (
                            <tr key={code} data-refusal={code}>
                              <th scope="row">
                                <code>{code}</code>
                              </th>
                              <td>{count}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                  <p className="kiyaku-muted">{text.usage.refusalsNote}</p>
                </section>
              </section>
            )}
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
