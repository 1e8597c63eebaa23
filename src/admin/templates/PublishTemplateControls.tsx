'use client'

import {
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useFormModified,
  useTranslation,
} from '@payloadcms/ui'
import { useId, useState } from 'react'

import type { Office } from '../../payload-types'
import type { ChangeReasonFactors } from '../../rules/terms/changeReasons'
import { ChangeReasonsFields, reasonFactorsToSend } from '../shared/ChangeReasonsFields'
import { errorMessageOf, restJson } from '../shared/api'
import { englishForCode } from '../../rules/messages'
import { adminText } from '../shared/text'
import { addDays, tokyoToday } from '../../lib/tokyoTime'

interface PublicationRow {
  officeId: number | string
  status: 'published' | 'unchanged' | 'failed'
  number?: number
  code?: string
  message?: string
}

/**
 * HQ's publication of the template: per chosen office a new edition composed from the saved
 * template and that office's policy, with its change notice (POST /api/terms-templates/:id/publish).
 */
export function PublishTemplateControls() {
  const { id } = useDocumentInfo()
  const modified = useFormModified()
  const { user } = useAuth()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const text = adminText(i18n.language)
  const policyText = text.policy
  const [open, setOpen] = useState(false)
  const [offices, setOffices] = useState<Office[]>([])
  const [chosen, setChosen] = useState<string[]>([])
  const [effectiveFrom, setEffectiveFrom] = useState(() => addDays(tokyoToday(), 31))
  const [ground, setGround] = useState<'1' | '2'>('2')
  const [reasons, setReasons] = useState('')
  const [reasonFactors, setReasonFactors] = useState<ChangeReasonFactors>({})
  const [error, setError] = useState<string | null>(null)
  const [results, setResults] = useState<PublicationRow[] | null>(null)
  const [busy, setBusy] = useState(false)
  const ids = { date: useId() }
  const api = `${config.serverURL}${config.routes.api}`

  if (!id || (user as { role?: string } | null)?.role !== 'hq-admin') return null

  async function openPanel() {
    setOpen(true)
    setResults(null)
    const response = await restJson(`${api}/offices?limit=500&sort=name&depth=0`, 'GET')
    if (response.ok) {
      const body = (await response.json()) as { docs: Office[] }
      setOffices(body.docs)
    }
  }

  async function submit() {
    setError(null)
    if (chosen.length === 0) {
      setError(text.template.selectOffice)
      return
    }
    setBusy(true)
    try {
      const response = await restJson(`${api}/terms-templates/${id}/publish`, 'POST', {
        officeIds: chosen.map(
          (value) => offices.find((office) => String(office.id) === value)?.id ?? value,
        ),
        effectiveFrom,
        ground,
        ...(ground === '1'
          ? { reasons: reasons.trim() || null }
          : { reasonFactors: reasonFactorsToSend(reasonFactors) }),
      })
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { results?: PublicationRow[] }
      if (body.results) setResults(body.results)
      if (!response.ok) {
        setError(await errorMessageOf(response, text.template.failed))
        return
      }
      const published = (body.results ?? []).filter((row) => row.status === 'published').length
      toast.success(text.template.done(published))
    } catch {
      setError(text.template.failed)
    } finally {
      setBusy(false)
    }
  }

  const officeName = (officeId: number | string) =>
    offices.find((office) => String(office.id) === String(officeId))?.name ?? String(officeId)

  return (
    <div className="kiyaku-policy-controls">
      <button type="button" className="kiyaku-button" disabled={modified} onClick={openPanel}>
        {text.template.publish}
      </button>
      {open ? (
        <div
          className="kiyaku-inline-panel kiyaku-form kiyaku-publish-panel"
          role="group"
          aria-label={text.template.publishTitle}
        >
          <strong>{text.template.publishTitle}</strong>
          <span className="kiyaku-help">{text.template.publishIntro}</span>
          <fieldset>
            <legend>{text.template.offices}</legend>
            {offices.map((office) => (
              <label key={office.id} className="kiyaku-choice">
                <input
                  type="checkbox"
                  value={String(office.id)}
                  checked={chosen.includes(String(office.id))}
                  onChange={(event) =>
                    setChosen((current) =>
                      event.target.checked
                        ? [...current, String(office.id)]
                        : current.filter((value) => value !== String(office.id)),
                    )
                  }
                />
                <span>{office.name}</span>
              </label>
            ))}
          </fieldset>
          <div className="kiyaku-field">
            <label htmlFor={ids.date}>{policyText.effectiveFrom}</label>
            <input
              id={ids.date}
              type="date"
              value={effectiveFrom}
              required
              onChange={(event) => setEffectiveFrom(event.target.value)}
            />
          </div>
          <fieldset>
            <legend>{policyText.ground}</legend>
            <label className="kiyaku-choice">
              <input
                type="radio"
                name="template-ground"
                checked={ground === '1'}
                onChange={() => setGround('1')}
              />
              <span>{policyText.ground1}</span>
            </label>
            <label className="kiyaku-choice">
              <input
                type="radio"
                name="template-ground"
                checked={ground === '2'}
                onChange={() => setGround('2')}
              />
              <span>{policyText.ground2}</span>
            </label>
          </fieldset>
          <ChangeReasonsFields
            text={policyText}
            ground={ground}
            reasons={reasons}
            onReasons={setReasons}
            factors={reasonFactors}
            onFactors={setReasonFactors}
          />
          {error ? (
            <p className="kiyaku-error" role="alert">
              {error}
            </p>
          ) : null}
          {results ? (
            <ul className="kiyaku-list" aria-live="polite">
              {results.map((row) => (
                <li key={String(row.officeId)}>
                  {`${officeName(row.officeId)}: ${
                    row.status === 'published'
                      ? text.template.edition(row.number ?? 0)
                      : row.status === 'unchanged'
                        ? text.template.unchanged
                        : ((i18n.language === 'en' ? englishForCode(row.code) : undefined) ??
                          row.message)
                  }`}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="kiyaku-actions">
            <button
              type="button"
              className="kiyaku-button kiyaku-button--primary"
              disabled={busy}
              onClick={submit}
            >
              {text.template.submit}
            </button>
            <button type="button" className="kiyaku-button" onClick={() => setOpen(false)}>
              {text.common.close}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
