'use client'

import { toast, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useId, useState, type FormEvent } from 'react'

import type { ChangeReasonFactors } from '../../rules/terms/changeReasons'
import { ChangeReasonsFields, reasonFactorsToSend } from '../shared/ChangeReasonsFields'
import { adminText } from '../shared/text'
import { scheduleTermsChange } from './actions'

interface Props {
  policyId: number | string
  effectiveFrom: string
  ground: '1' | '2'
  reasons: string
  reasonFactors: ChangeReasonFactors
  minimumNoticeDays: number
}

/** Ground, reasons (on ground 2 the law's four factors) and effective date of a proposed terms change, then scheduling it. */
export function ScheduleTermsChangeForm(props: Props) {
  const { i18n } = useTranslation()
  const text = adminText(i18n.language)
  const router = useRouter()
  const [ground, setGround] = useState<'1' | '2'>(props.ground)
  const [reasons, setReasons] = useState(props.reasons)
  const [reasonFactors, setReasonFactors] = useState(props.reasonFactors)
  const [effectiveFrom, setEffectiveFrom] = useState(props.effectiveFrom)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const ids = {
    date: useId(),
    dateHelp: useId(),
    error: useId(),
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const result = await scheduleTermsChange({
        policyId: props.policyId,
        ground,
        reasons,
        reasonFactors: reasonFactorsToSend(reasonFactors),
        effectiveFrom,
        language: i18n.language,
      })
      if (!result.ok) {
        setError(result.message)
        return
      }
      const message = text.policy.scheduled(result.effectiveFrom)
      setDone(message)
      toast.success(message)
      // The tab now shows the scheduled edition (the policy may also have moved to another date).
      router.refresh()
    } catch {
      setError(text.policy.failed)
    } finally {
      setBusy(false)
    }
  }

  if (done) {
    return (
      <p className="kiyaku-success" role="status">
        {done}
      </p>
    )
  }

  return (
    <form
      className="kiyaku-form"
      onSubmit={submit}
      aria-describedby={error ? ids.error : undefined}
    >
      <fieldset>
        <legend>{text.policy.ground}</legend>
        {(['1', '2'] as const).map((value) => (
          <label key={value} className="kiyaku-choice">
            <input
              type="radio"
              name="ground"
              value={value}
              checked={ground === value}
              onChange={() => setGround(value)}
            />
            <span>{value === '1' ? text.policy.ground1 : text.policy.ground2}</span>
          </label>
        ))}
      </fieldset>
      <ChangeReasonsFields
        text={text.policy}
        ground={ground}
        reasons={reasons}
        onReasons={setReasons}
        factors={reasonFactors}
        onFactors={setReasonFactors}
      />
      <div className="kiyaku-field">
        <label htmlFor={ids.date}>{text.policy.effectiveFrom}</label>
        <input
          id={ids.date}
          name="effectiveFrom"
          type="date"
          value={effectiveFrom}
          required
          aria-describedby={ids.dateHelp}
          onChange={(event) => setEffectiveFrom(event.target.value)}
        />
        <span id={ids.dateHelp} className="kiyaku-help">
          {text.policy.effectiveFromHelp(props.minimumNoticeDays)}
        </span>
      </div>
      {error ? (
        <p id={ids.error} className="kiyaku-error" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="kiyaku-button kiyaku-button--primary" disabled={busy}>
          {text.policy.schedule}
        </button>
      </div>
    </form>
  )
}
