'use client'

import {
  useConfig,
  useDocumentInfo,
  useFormFields,
  useFormModified,
  useTranslation,
} from '@payloadcms/ui'
import type { ArrayFieldClientProps } from 'payload'
import { useId, useMemo, useState, type KeyboardEvent } from 'react'

import { closureCalendar, type CalendarDay } from '../../rules/booking/closureCalendar'
import { errorMessageOf, restJson } from '../shared/api'
import { adminText } from '../shared/text'
import { formatDay, tokyoToday } from '../../lib/tokyoTime'

const MONTHS = 12

type Step =
  | { kind: 'idle' }
  | { kind: 'add'; day: CalendarDay }
  | { kind: 'bookings'; day: CalendarDay; reason: string; count: number }
  | { kind: 'remove'; day: CalendarDay }

/**
 * The office's closures on a calendar of the next twelve months, beside the national holidays
 * and 12/29–1/3 that close every office. A click on a day adds or removes a closure; the change
 * is saved at once through /api/reservation-policies/:id/closures, which refuses to close a day
 * with bookings until the admin chooses to cancel them (each applicant is mailed) or keep them.
 */
export function ClosureCalendar({ path: pathProp, field }: ArrayFieldClientProps) {
  const path = pathProp ?? field.name
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'ja'
  const text = adminText(language)
  const modified = useFormModified()
  const headingId = useId()
  const reasonId = useId()
  const closuresText = useFormFields(([fields]) => {
    const count = fields[path]?.rows?.length ?? 0
    return JSON.stringify(
      Array.from({ length: count }, (_, index) => ({
        date: String(fields[`${path}.${index}.date`]?.value ?? ''),
        reason: (fields[`${path}.${index}.reason`]?.value as string | null | undefined) ?? null,
      })),
    )
  })
  const today = tokyoToday()
  const months = useMemo(
    () => closureCalendar(today, MONTHS, JSON.parse(closuresText) as { date: string }[]),
    [today, closuresText],
  )
  const [step, setStep] = useState<Step>({ kind: 'idle' })
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  if (id === undefined || id === null) {
    return <p className="kiyaku-muted">{text.calendar.saveFirst}</p>
  }

  async function send(url: string, body: object): Promise<Response | null> {
    setBusy(true)
    setError(null)
    try {
      return await restJson(url, 'POST', body)
    } catch {
      setError(text.common.error)
      return null
    } finally {
      setBusy(false)
    }
  }

  const base = `${config.serverURL}${config.routes.api}/reservation-policies/${id}/closures`

  async function addClosure(day: CalendarDay, dayReason: string, bookings?: 'cancel' | 'keep') {
    const response = await send(base, {
      date: day.date,
      reason: dayReason || undefined,
      ...(bookings ? { bookings } : {}),
    })
    if (!response) return
    if (response.status === 409) {
      const body = (await response.json()) as { errors?: { data?: { bookings?: number } }[] }
      setStep({
        kind: 'bookings',
        day,
        reason: dayReason,
        count: body.errors?.[0]?.data?.bookings ?? 0,
      })
      return
    }
    if (!response.ok) {
      setError(await errorMessageOf(response, text.common.error))
      return
    }
    const result = (await response.json()) as { cancelled: number; kept: number }
    setDone(text.calendar.added(formatDay(day.date, language), result.cancelled, result.kept))
    // The closures are saved; the form shows them once the document is read again.
    window.location.reload()
  }

  async function removeClosure(day: CalendarDay) {
    const response = await send(`${base}/remove`, { date: day.date })
    if (!response) return
    if (!response.ok) {
      setError(await errorMessageOf(response, text.common.error))
      return
    }
    window.location.reload()
  }

  function pick(day: CalendarDay) {
    setError(null)
    setDone(null)
    setReason('')
    setStep(day.closed === 'office-closure' ? { kind: 'remove', day } : { kind: 'add', day })
  }

  // The calendar sits inside Payload's document form: no nested <form>, and Enter in the reason
  // must not submit the document.
  function submitAdd() {
    if (step.kind === 'add') void addClosure(step.day, reason.trim())
  }

  function onReasonKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return
    event.preventDefault()
    submitAdd()
  }

  const dayLabel = (day: CalendarDay) => {
    const name = formatDay(day.date, language)
    if (day.closed === 'office-closure')
      return `${name}: ${text.calendar.closure}${day.closureReason ? text.calendar.closureReason(day.closureReason) : ''}`
    if (day.holiday) return `${name}: ${day.holiday[language]}`
    if (day.closed === 'year-end') return `${name}: ${text.grid.closedReason['year-end']}`
    return name
  }

  return (
    <section
      className="kiyaku-calendar field-type"
      id={`field-${path}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="kiyaku-grid__title">
        {text.calendar.title}
      </h3>
      <p className="kiyaku-muted">{text.calendar.help}</p>
      <ul className="kiyaku-calendar__legend">
        <li>
          <span
            className="kiyaku-calendar__swatch kiyaku-calendar__day--holiday"
            aria-hidden="true"
          />
          {text.calendar.legendHoliday}
        </li>
        <li>
          <span
            className="kiyaku-calendar__swatch kiyaku-calendar__day--closure"
            aria-hidden="true"
          />
          {text.calendar.closure}
        </li>
      </ul>
      {modified ? <p className="kiyaku-error">{text.calendar.unsaved}</p> : null}
      <div role="status" aria-live="polite">
        {error ? <p className="kiyaku-error">{error}</p> : null}
        {done ? <p className="kiyaku-success">{done}</p> : null}
      </div>
      {step.kind === 'add' ? (
        <div className="kiyaku-calendar__panel" role="group" aria-labelledby={`${headingId}-add`}>
          <h4 id={`${headingId}-add`}>
            {text.calendar.addTitle(formatDay(step.day.date, language))}
          </h4>
          <label htmlFor={reasonId}>{text.calendar.reason}</label>
          <input
            id={reasonId}
            value={reason}
            maxLength={200}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={onReasonKey}
          />
          <button
            type="button"
            className="kiyaku-button kiyaku-button--primary"
            disabled={busy}
            onClick={submitAdd}
          >
            {text.calendar.add}
          </button>
          <button type="button" className="kiyaku-button" onClick={() => setStep({ kind: 'idle' })}>
            {text.policy.cancel}
          </button>
        </div>
      ) : null}
      {step.kind === 'bookings' ? (
        <div
          className="kiyaku-calendar__panel"
          role="alertdialog"
          aria-labelledby={`${headingId}-q`}
        >
          <h4 id={`${headingId}-q`}>
            {text.calendar.hasBookings(formatDay(step.day.date, language), step.count)}
          </h4>
          <button
            type="button"
            className="kiyaku-button kiyaku-button--danger"
            disabled={busy}
            onClick={() => void addClosure(step.day, step.reason, 'cancel')}
          >
            {text.calendar.cancelBookings(step.count)}
          </button>
          <button
            type="button"
            className="kiyaku-button"
            disabled={busy}
            onClick={() => void addClosure(step.day, step.reason, 'keep')}
          >
            {text.calendar.keepBookings}
          </button>
          <button type="button" className="kiyaku-button" onClick={() => setStep({ kind: 'idle' })}>
            {text.policy.cancel}
          </button>
        </div>
      ) : null}
      {step.kind === 'remove' ? (
        <div className="kiyaku-calendar__panel">
          <h4>{dayLabel(step.day)}</h4>
          <button
            type="button"
            className="kiyaku-button kiyaku-button--danger"
            disabled={busy}
            onClick={() => void removeClosure(step.day)}
          >
            {text.calendar.remove}
          </button>
          <button type="button" className="kiyaku-button" onClick={() => setStep({ kind: 'idle' })}>
            {text.policy.cancel}
          </button>
        </div>
      ) : null}
      <div className="kiyaku-calendar__months">
        {months.map((month) => (
          <table key={month.month} className="kiyaku-calendar__month" data-month={month.month}>
            <caption>{text.calendar.monthTitle(month.month)}</caption>
            <thead>
              <tr>
                {text.calendar.weekdaysShort.map((name) => (
                  <th key={name} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeksOf(month.days).map((week, index) => (
                <tr key={index}>
                  {week.map((day, cell) =>
                    day ? (
                      <td key={day.date}>
                        <button
                          type="button"
                          data-date={day.date}
                          className={`kiyaku-calendar__day${
                            day.closed === 'office-closure'
                              ? ' kiyaku-calendar__day--closure'
                              : day.closed
                                ? ' kiyaku-calendar__day--holiday'
                                : ''
                          }`}
                          aria-label={dayLabel(day)}
                          title={dayLabel(day)}
                          disabled={
                            modified ||
                            busy ||
                            day.date < today ||
                            (day.closed !== null && day.closed !== 'office-closure')
                          }
                          aria-pressed={day.closed === 'office-closure'}
                          onClick={() => pick(day)}
                        >
                          {Number(day.date.slice(8))}
                        </button>
                      </td>
                    ) : (
                      <td key={`empty-${cell}`} />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  )
}

/** Monday-first weeks of a month, with empty cells before the 1st and after the last day. */
function weeksOf(days: CalendarDay[]): (CalendarDay | null)[][] {
  const cells: (CalendarDay | null)[] = [
    ...Array.from({ length: (days[0]?.weekday ?? 1) - 1 }, () => null),
    ...days,
  ]
  while (cells.length % 7 !== 0) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7))
}
