'use client'

import { toast, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useId, useRef, useState } from 'react'

import { adminText } from '../shared/text'
import { addDays, tokyoToday } from '../../lib/tokyoTime'
import { copyPolicyForDate, termsProposalStatus } from './actions'

/** Set when a new policy was saved: the check runs again on the page Payload redirects to. */
const CHECK_AFTER_CREATE_KEY = 'kiyaku:check-terms-after-create'

/**
 * Beside the policy's Save button: after every save, if the change alters the terms, the admin
 * is taken to the 利用規約への反映 tab to review and schedule it. Also starts a change from a
 * future date (a copy of this policy), which is how hours change without touching the past.
 */
export function PolicyDocumentControls() {
  const { id, lastUpdateTime, hasSavePermission } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const text = adminText(i18n.language)
  const router = useRouter()
  const [proposal, setProposal] = useState<string>('none')
  const [copying, setCopying] = useState(false)
  const [date, setDate] = useState(() => addDays(tokyoToday(), 30))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const firstUpdateTime = useRef(lastUpdateTime)
  const dateId = useId()
  const helpId = useId()
  const tabHref = id
    ? `${config.routes.admin}/collections/reservation-policies/${id}/terms-change`
    : ''

  useEffect(() => {
    if (id === undefined || id === null) {
      if (lastUpdateTime !== firstUpdateTime.current)
        sessionStorage.setItem(CHECK_AFTER_CREATE_KEY, '1')
      return
    }
    const justCreated = sessionStorage.getItem(CHECK_AFTER_CREATE_KEY) === '1'
    sessionStorage.removeItem(CHECK_AFTER_CREATE_KEY)
    const justSaved = justCreated || lastUpdateTime !== firstUpdateTime.current
    let cancelled = false
    termsProposalStatus(id).then(
      (status) => {
        if (cancelled) return
        setProposal(status)
        if (justSaved && status === 'proposed') {
          toast.info(text.policy.afterSave)
          router.push(tabHref)
        }
      },
      () => undefined,
    )
    return () => {
      cancelled = true
    }
    // Runs on mount and after each save; the other values only follow from these.
  }, [id, lastUpdateTime])

  async function createCopy() {
    if (!id) return
    setBusy(true)
    setError(null)
    try {
      const result = await copyPolicyForDate(id, date, i18n.language)
      if (!result.ok) {
        setError(result.message)
        return
      }
      toast.success(text.policy.created)
      router.push(`${config.routes.admin}/collections/reservation-policies/${result.id}`)
    } catch {
      setError(text.common.error)
    } finally {
      setBusy(false)
    }
  }

  if (!id) return null
  return (
    <div className="kiyaku-policy-controls">
      {proposal === 'proposed' ? (
        <a className="kiyaku-button kiyaku-button--primary" href={tabHref}>
          {text.policy.openProposal}
        </a>
      ) : null}
      {hasSavePermission ? (
        copying ? (
          <div
            className="kiyaku-inline-panel kiyaku-form"
            role="group"
            aria-label={text.policy.futureChange}
          >
            <label htmlFor={dateId}>{text.policy.futureDate}</label>
            <input
              id={dateId}
              name="futureEffectiveFrom"
              type="date"
              value={date}
              min={addDays(tokyoToday(), 1)}
              aria-describedby={helpId}
              onChange={(event) => setDate(event.target.value)}
            />
            <span id={helpId} className="kiyaku-help">
              {text.policy.futureChangeHelp}
            </span>
            {error ? (
              <p className="kiyaku-error" role="alert">
                {error}
              </p>
            ) : null}
            <div className="kiyaku-actions">
              <button
                type="button"
                className="kiyaku-button kiyaku-button--primary"
                disabled={busy}
                onClick={createCopy}
              >
                {text.policy.create}
              </button>
              <button
                type="button"
                className="kiyaku-button"
                disabled={busy}
                onClick={() => setCopying(false)}
              >
                {text.policy.cancel}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="kiyaku-button" onClick={() => setCopying(true)}>
            {text.policy.futureChange}
          </button>
        )
      ) : null}
    </div>
  )
}
