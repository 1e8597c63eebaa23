'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { useId, useState, type FormEvent } from 'react'

import type { StaffSearchHit } from '../../endpoints/bookings/staffEndpoints'
import { errorMessageOf, restJson } from '../shared/api'
import { adminText } from '../shared/text'
import { formatTime, tokyoToday } from '../../lib/tokyoTime'
import { BookingActions } from './BookingActions'

/**
 * Search across dates by reference, name, 求職番号 or e-mail. The text goes in a POST body to
 * /api/bookings/search, never into the URL (personal data stays out of URLs and access logs).
 */
export function BookingSearch({ office }: { office?: number | string }) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const text = adminText(i18n.language)
  const inputId = useId()
  const helpId = useId()
  const [query, setQuery] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<{ hits: StaffSearchHit[]; more: boolean } | null>(null)

  async function search(q: string) {
    setBusy(true)
    setError(null)
    try {
      const response = await restJson(
        `${config.serverURL}${config.routes.api}/bookings/search`,
        'POST',
        office === undefined ? { q } : { q, office },
      )
      if (!response.ok) {
        setResult(null)
        setError(await errorMessageOf(response, text.common.error))
        return
      }
      setResult((await response.json()) as { hits: StaffSearchHit[]; more: boolean })
    } catch {
      setError(text.common.error)
    } finally {
      setBusy(false)
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    void search(query)
  }

  return (
    <section className="kiyaku-search" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{text.search.heading}</h2>
      <form className="kiyaku-search__form" role="search" onSubmit={submit}>
        <label htmlFor={inputId}>{text.search.label}</label>
        <input
          id={inputId}
          name="kiyaku-search"
          type="search"
          autoComplete="off"
          value={query}
          aria-describedby={helpId}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="kiyaku-button kiyaku-button--primary" disabled={busy}>
          {text.search.submit}
        </button>
        <p id={helpId} className="kiyaku-muted">
          {text.search.help}
        </p>
      </form>
      <div aria-live="polite" className="kiyaku-search__status">
        {busy ? <p>{text.search.searching}</p> : null}
        {error ? <p className="kiyaku-error">{error}</p> : null}
        {result && !busy ? (
          <p>
            {result.hits.length === 0
              ? text.search.none
              : text.search.results(result.hits.length, result.more)}
          </p>
        ) : null}
      </div>
      {result && result.hits.length > 0 ? (
        <div className="kiyaku-table-wrap">
          <table className="kiyaku-table kiyaku-search__results">
            <thead>
              <tr>
                <th scope="col">{text.search.when}</th>
                <th scope="col">{text.day.status}</th>
                <th scope="col">{text.day.applicant}</th>
                <th scope="col">{text.day.method}</th>
                <th scope="col">{text.day.actions}</th>
              </tr>
            </thead>
            <tbody>
              {result.hits.map((hit) => {
                const day = tokyoToday(new Date(hit.slotStart))
                return (
                  <tr key={hit.id} data-booking={hit.reference ?? hit.id}>
                    <td>
                      <a
                        href={`${config.routes.admin}/bookings-day?date=${day}&days=1`}
                        className="kiyaku-search__day"
                      >
                        {day.replaceAll('-', '/')}
                      </a>
                      <div>
                        <strong>
                          {formatTime(hit.slotStart)}
                          {hit.slotEnd ? `${text.common.until}${formatTime(hit.slotEnd)}` : ''}
                        </strong>{' '}
                        <span className="kiyaku-muted">JST</span>
                      </div>
                      <div className="kiyaku-muted">{hit.office}</div>
                    </td>
                    <td>
                      <span className={`kiyaku-pill kiyaku-pill--${hit.status}`}>
                        {text.status[hit.status]}
                      </span>
                    </td>
                    <td>
                      <div>{hit.name ?? '—'}</div>
                      {hit.jobSeekerNumber ? (
                        <div className="kiyaku-muted">
                          {text.day.jobSeekerNumber}: {hit.jobSeekerNumber}
                        </div>
                      ) : null}
                      <div className="kiyaku-muted">
                        {text.day.reference}: {hit.reference ?? '—'}
                      </div>
                    </td>
                    <td>
                      <div>{text.channel[hit.channel]}</div>
                      {hit.tool ? <div className="kiyaku-muted">{text.tool[hit.tool]}</div> : null}
                    </td>
                    <td>
                      <BookingActions
                        bookingId={hit.id}
                        status={hit.status}
                        label={`${day} ${formatTime(hit.slotStart)} ${hit.name ?? ''}`}
                        onChanged={() => void search(query)}
                      />
                      <a
                        className="kiyaku-link-small"
                        href={`${config.routes.admin}/collections/bookings/${hit.id}`}
                      >
                        {text.day.edit}
                      </a>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
