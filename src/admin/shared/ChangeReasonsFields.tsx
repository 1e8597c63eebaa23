'use client'

import { useId } from 'react'

import type { ChangeReasonFactor, ChangeReasonFactors } from '../../rules/terms/changeReasons'
import type { AdminText } from './text'

const FACTORS: readonly ChangeReasonFactor[] = [
  'necessity',
  'appropriateness',
  'changeClause',
  'disadvantage',
]

interface Props {
  text: AdminText['policy']
  ground: '1' | '2'
  reasons: string
  onReasons: (value: string) => void
  factors: ChangeReasonFactors
  onFactors: (value: ChangeReasonFactors) => void
}

/**
 * The reasons for a terms change: on ground 1 one text (why it fits the users' general
 * interest); on ground 2 the four factors 民法548条の4第1項第2号 weighs, each required.
 */
export function ChangeReasonsFields({
  text,
  ground,
  reasons,
  onReasons,
  factors,
  onFactors,
}: Props) {
  const baseId = useId()
  if (ground === '1') {
    return (
      <div className="kiyaku-field">
        <label htmlFor={`${baseId}-reasons`}>{text.reasons}</label>
        <textarea
          id={`${baseId}-reasons`}
          name="reasons"
          value={reasons}
          required
          aria-describedby={`${baseId}-reasons-help`}
          onChange={(event) => onReasons(event.target.value)}
        />
        <span id={`${baseId}-reasons-help`} className="kiyaku-help">
          {text.reasonsHelp}
        </span>
      </div>
    )
  }
  return (
    <fieldset>
      <legend>{text.reasonFactors}</legend>
      <span className="kiyaku-help">{text.reasonFactorsHelp}</span>
      {FACTORS.map((factor) => (
        <div key={factor} className="kiyaku-field">
          <label htmlFor={`${baseId}-${factor}`}>{text.factor[factor]}</label>
          <textarea
            id={`${baseId}-${factor}`}
            name={`reasonFactors.${factor}`}
            value={factors[factor] ?? ''}
            required
            onChange={(event) => onFactors({ ...factors, [factor]: event.target.value })}
          />
        </div>
      ))}
    </fieldset>
  )
}

/** The factors as sent to the server: trimmed, blank ones left out (the server names them). */
export function reasonFactorsToSend(factors: ChangeReasonFactors): ChangeReasonFactors {
  return Object.fromEntries(
    FACTORS.map((factor) => [factor, factors[factor]?.trim() || null]),
  ) as ChangeReasonFactors
}
