'use client'

import { FieldDescription, FieldError, FieldLabel, useField, useTranslation } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'
import { useEffect, useId, useState } from 'react'

function pretty(value: unknown): string {
  return value === undefined || value === null ? '' : JSON.stringify(value, null, 2)
}

/**
 * JSON fields as a plain text area. Payload's JSON field loads the Monaco editor from
 * cdn.jsdelivr.net, which the admin must not reach (and its CSP blocks); a text area also works
 * with screen readers and needs nothing downloaded.
 */
export const JsonTextField: JSONFieldClientComponent = ({ field, path, readOnly }) => {
  const { value, setValue, showError, disabled } = useField<unknown>({ path })
  const { i18n } = useTranslation()
  const [text, setText] = useState(() => pretty(value))
  const [parseError, setParseError] = useState<string | null>(null)
  const inputId = `field-${path.replace(/\./g, '__')}`
  const errorId = useId()
  const isReadOnly = Boolean(readOnly || disabled || field.admin?.readOnly)

  // Follow the form when it replaces the value (load, save, reset), not while the user types.
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current || 'null')) === JSON.stringify(value ?? null))
          return current
      } catch {
        // The user's unfinished text stays until it parses.
        return current
      }
      return pretty(value)
    })
  }, [value])

  function onChange(next: string) {
    setText(next)
    if (next.trim() === '') {
      setParseError(null)
      setValue(null)
      return
    }
    try {
      setValue(JSON.parse(next))
      setParseError(null)
    } catch {
      setParseError(
        i18n.language === 'en' ? 'This is not valid JSON.' : 'JSON の形式が正しくありません。',
      )
    }
  }

  return (
    <div
      className={`field-type json-field kiyaku-json-field${showError || parseError ? ' error' : ''}`}
    >
      <FieldLabel
        htmlFor={inputId}
        label={field.label}
        localized={field.localized}
        path={path}
        required={field.required}
      />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        <textarea
          id={inputId}
          className="kiyaku-json-field__input"
          value={text}
          readOnly={isReadOnly}
          spellCheck={false}
          rows={Math.min(30, Math.max(4, text.split('\n').length + 1))}
          aria-invalid={Boolean(parseError) || showError}
          aria-describedby={parseError ? errorId : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        {parseError ? (
          <p id={errorId} className="kiyaku-error" role="alert">
            {parseError}
          </p>
        ) : null}
      </div>
      <FieldDescription description={field.admin?.description} path={path} />
    </div>
  )
}
