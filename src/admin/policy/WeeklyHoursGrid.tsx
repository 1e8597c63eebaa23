'use client'

import { useForm, useFormFields, useTranslation } from '@payloadcms/ui'
import type { ArrayFieldClientProps, FormState } from 'payload'
import { useMemo } from 'react'

import { mondayOnOrAfter, sampleWeekSlots } from '../../rules/booking/sampleWeek'
import type { Weekday } from '../../rules/booking/types'
import { validateWeeklyWindows } from '../../rules/booking/validatePolicy'
import { adminText } from '../shared/text'
import { addDays, formatDay, tokyoToday } from '../../lib/tokyoTime'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
const WORKDAYS_AFTER_MONDAY = [2, 3, 4, 5] as const
const DEFAULT_SESSION = 30

interface GridWindow {
  /** Row index in the stored array. */
  index: number
  weekday: Weekday
  start: string
  end: string
}

function minutesToHhmm(minutes: number): string {
  const clamped = Math.min(Math.max(minutes, 0), 23 * 60 + 59)
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`
}

function hhmmToMinutes(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

function rowState(weekday: number, start: string, end: string): FormState {
  const field = (value: string) => ({ value, initialValue: value, valid: true })
  return { weekday: field(String(weekday)), start: field(start), end: field(end) }
}

/**
 * The weekly windows as one grid, days across and windows down: add, move to another day,
 * remove, copy Monday to Tuesday–Friday. It edits the same `windows` array rows the form saves,
 * so the rules and the terms read exactly what they read before. Errors come from the rule the
 * save runs (validateWeeklyWindows) and show before saving; errors the server returns for a row
 * show beside it too. Beside the grid: the slots a sample week would offer.
 */
export function WeeklyHoursGrid({ path: pathProp, field }: ArrayFieldClientProps) {
  const path = pathProp ?? field.name
  const { i18n } = useTranslation()
  const text = adminText(i18n.language)
  const { addFieldRow, removeFieldRow, dispatchFields, setModified } = useForm()
  const rowCount = useFormFields(([fields]) => fields[path]?.rows?.length ?? 0)
  const values = useFormFields(([fields]) => {
    const rows: { weekday: unknown; start: unknown; end: unknown; error: string[] }[] = []
    for (let index = 0; index < (fields[path]?.rows?.length ?? 0); index++) {
      const at = (name: string) => fields[`${path}.${index}.${name}`]
      rows.push({
        weekday: at('weekday')?.value,
        start: at('start')?.value,
        end: at('end')?.value,
        error: ['weekday', 'start', 'end']
          .map((name) => at(name))
          .filter((state) => state?.valid === false && state.errorMessage)
          .map((state) => String(state?.errorMessage)),
      })
    }
    return JSON.stringify(rows)
  })
  const sessionValue = useFormFields(([fields]) => fields.sessionMinutes?.value)
  const closuresValue = useFormFields(([fields]) => {
    const count = fields.closures?.rows?.length ?? 0
    return Array.from({ length: count }, (_, index) =>
      String(fields[`closures.${index}.date`]?.value ?? ''),
    ).join(',')
  })

  const rows = JSON.parse(values) as {
    weekday: unknown
    start: unknown
    end: unknown
    error: string[]
  }[]
  const windows: GridWindow[] = rows.map((row, index) => ({
    index,
    weekday: Number(row.weekday) as Weekday,
    start: typeof row.start === 'string' ? row.start : '',
    end: typeof row.end === 'string' ? row.end : '',
  }))
  const session =
    typeof sessionValue === 'number' && sessionValue > 0 ? sessionValue : DEFAULT_SESSION

  const errorsByRow = useMemo(() => {
    const byRow = new Map<number, string[]>()
    for (const error of validateWeeklyWindows({ windows, sessionMinutes: session })) {
      const index = Number(/^windows\.(\d+)/.exec(error.path)?.[1] ?? Number.NaN)
      if (Number.isInteger(index))
        byRow.set(index, [
          ...(byRow.get(index) ?? []),
          i18n.language === 'en' ? error.en : error.message,
        ])
    }
    return byRow
  }, [values, session, i18n.language])

  const monday = mondayOnOrAfter(addDays(tokyoToday(), 1))
  const sample = useMemo(
    () =>
      errorsByRow.size > 0
        ? null
        : sampleWeekSlots(
            {
              windows,
              sessionMinutes: session,
              closures: closuresValue ? closuresValue.split(',').filter(Boolean) : [],
            },
            monday,
          ),
    [values, session, closuresValue, monday, errorsByRow],
  )

  const update = (index: number, name: 'weekday' | 'start' | 'end', value: string) => {
    dispatchFields({ type: 'UPDATE', path: `${path}.${index}.${name}`, value })
    setModified(true)
  }
  const add = (weekday: number) => {
    const sameDay = windows.filter((window) => window.weekday === weekday)
    const lastEnd = sameDay.length
      ? Math.max(...sameDay.map((window) => hhmmToMinutes(window.end) ?? 0))
      : 10 * 60
    const start = sameDay.length ? lastEnd + 60 : lastEnd
    addFieldRow({
      path,
      schemaPath: path,
      rowIndex: rowCount,
      subFieldState: rowState(weekday, minutesToHhmm(start), minutesToHhmm(start + 2 * session)),
    })
  }
  const remove = (index: number) => removeFieldRow({ path, rowIndex: index })
  const copyMonday = () => {
    const mondayWindows = windows.filter((window) => window.weekday === 1)
    const replaced = windows
      .filter((window) => (WORKDAYS_AFTER_MONDAY as readonly number[]).includes(window.weekday))
      .map((window) => window.index)
      .sort((a, b) => b - a)
    for (const index of replaced) removeFieldRow({ path, rowIndex: index })
    let next = rowCount - replaced.length
    for (const weekday of WORKDAYS_AFTER_MONDAY) {
      for (const window of mondayWindows) {
        addFieldRow({
          path,
          schemaPath: path,
          rowIndex: next++,
          subFieldState: rowState(weekday, window.start, window.end),
        })
      }
    }
  }

  const errorCount = [...errorsByRow.values()].reduce((sum, list) => sum + list.length, 0)
  const weekdayName = (weekday: number) => text.grid.weekdays[weekday - 1] ?? ''

  return (
    <div className="kiyaku-grid field-type" id={`field-${path}`}>
      <div className="kiyaku-grid__head">
        <h3 className="kiyaku-grid__title">{text.grid.title}</h3>
        <p className="kiyaku-muted">{text.grid.help}</p>
        <button type="button" className="kiyaku-button" onClick={copyMonday}>
          {text.grid.copyMonday}
        </button>
      </div>
      <div role="status" aria-live="polite" className="kiyaku-grid__summary">
        {errorCount > 0 ? <p className="kiyaku-error">{text.grid.errorCount(errorCount)}</p> : null}
      </div>
      <div className="kiyaku-grid__layout">
        <div className="kiyaku-grid__days">
          {WEEKDAYS.map((weekday) => {
            const dayWindows = windows
              .filter((window) => window.weekday === weekday)
              .sort((a, b) => a.start.localeCompare(b.start))
            return (
              <section
                key={weekday}
                className="kiyaku-grid__day"
                aria-labelledby={`grid-day-${weekday}`}
                data-weekday={weekday}
              >
                <h4 id={`grid-day-${weekday}`}>{weekdayName(weekday)}</h4>
                {dayWindows.length === 0 ? (
                  <p className="kiyaku-muted">{text.grid.closed}</p>
                ) : null}
                <ul>
                  {dayWindows.map((window) => {
                    // The same rule runs here and on save: a message the server returns once
                    // the grid already shows is shown once.
                    const errors = [
                      ...new Set([
                        ...(errorsByRow.get(window.index) ?? []),
                        ...(rows[window.index]?.error ?? []),
                      ]),
                    ]
                    const errorId = `grid-error-${window.index}`
                    const label = `${weekdayName(weekday)} ${text.grid.window}`
                    return (
                      <li
                        key={window.index}
                        className={
                          errors.length
                            ? 'kiyaku-grid__window kiyaku-grid__window--error'
                            : 'kiyaku-grid__window'
                        }
                        data-window={window.index}
                      >
                        <div className="kiyaku-grid__times">
                          <label
                            className="kiyaku-visually-hidden"
                            htmlFor={`field-${path}__${window.index}__start`}
                          >
                            {label} {text.grid.start}
                          </label>
                          <input
                            id={`field-${path}__${window.index}__start`}
                            value={window.start}
                            inputMode="numeric"
                            placeholder="10:00"
                            aria-invalid={errors.length > 0}
                            aria-describedby={errors.length ? errorId : undefined}
                            onChange={(event) => update(window.index, 'start', event.target.value)}
                          />
                          <span aria-hidden="true">〜</span>
                          <label
                            className="kiyaku-visually-hidden"
                            htmlFor={`field-${path}__${window.index}__end`}
                          >
                            {label} {text.grid.end}
                          </label>
                          <input
                            id={`field-${path}__${window.index}__end`}
                            value={window.end}
                            inputMode="numeric"
                            placeholder="12:00"
                            aria-invalid={errors.length > 0}
                            aria-describedby={errors.length ? errorId : undefined}
                            onChange={(event) => update(window.index, 'end', event.target.value)}
                          />
                        </div>
                        <div className="kiyaku-grid__actions">
                          <button
                            type="button"
                            className="kiyaku-button kiyaku-button--small"
                            disabled={weekday === 1}
                            aria-label={`${label} ${window.start}〜${window.end}: ${text.grid.moveEarlier}`}
                            onClick={() => update(window.index, 'weekday', String(weekday - 1))}
                          >
                            ←
                          </button>
                          <button
                            type="button"
                            className="kiyaku-button kiyaku-button--small"
                            disabled={weekday === 7}
                            aria-label={`${label} ${window.start}〜${window.end}: ${text.grid.moveLater}`}
                            onClick={() => update(window.index, 'weekday', String(weekday + 1))}
                          >
                            →
                          </button>
                          <button
                            type="button"
                            className="kiyaku-button kiyaku-button--small kiyaku-button--danger"
                            aria-label={`${label} ${window.start}〜${window.end}: ${text.grid.remove}`}
                            onClick={() => remove(window.index)}
                          >
                            ×
                          </button>
                        </div>
                        {errors.length ? (
                          <ul id={errorId} className="kiyaku-grid__errors">
                            {errors.map((message) => (
                              <li key={message} className="kiyaku-error">
                                {message}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    )
                  })}
                </ul>
                <button
                  type="button"
                  className="kiyaku-button kiyaku-button--small"
                  aria-label={`${weekdayName(weekday)}: ${text.grid.add}`}
                  onClick={() => add(weekday)}
                >
                  ＋ {text.grid.add}
                </button>
              </section>
            )
          })}
        </div>
        <aside className="kiyaku-grid__sample" aria-labelledby="grid-sample-heading">
          <h4 id="grid-sample-heading">{text.grid.sampleTitle}</h4>
          {sample === null ? (
            <p className="kiyaku-muted">{text.grid.sampleBlocked}</p>
          ) : (
            <dl>
              {sample.map((day) => (
                <div key={day.date} className="kiyaku-grid__sample-day" data-date={day.date}>
                  <dt>{formatDay(day.date, i18n.language)}</dt>
                  <dd>
                    {day.closed
                      ? text.grid.closedReason[day.closed]
                      : day.starts.length === 0
                        ? text.grid.noSlots
                        : `${day.starts.join(' ')}（${text.grid.slotCount(day.starts.length)}）`}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </aside>
      </div>
    </div>
  )
}
