'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { useState, type FormEvent } from 'react'

import { errorMessageOf, restJson } from '../shared/api'
import { adminText } from '../shared/text'

/**
 * The CSV export form. The export writes an audit entry, so it is a POST (JSON body) and the
 * answer is saved as a file from the response; the dates never go into a URL either.
 */
export function ExportForm(props: {
  from: string
  to: string
  office?: number | string
  mayAskContacts: boolean
}) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const text = adminText(i18n.language)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const from = String(fields.get('from') ?? '')
    const to = String(fields.get('to') ?? '')
    setBusy(true)
    setError(null)
    try {
      const response = await restJson(
        `${config.serverURL}${config.routes.api}/bookings/export`,
        'POST',
        {
          from,
          to,
          ...(props.office === undefined ? {} : { office: String(props.office) }),
          ...(fields.get('contact') === '1' ? { contact: '1' } : {}),
        },
      )
      if (!response.ok) {
        setError(await errorMessageOf(response, text.common.error))
        return
      }
      const url = URL.createObjectURL(await response.blob())
      const link = document.createElement('a')
      link.href = url
      link.download = `bookings-${from}-${to}.csv`
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch {
      setError(text.common.error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="kiyaku-export__form" onSubmit={(event) => void submit(event)}>
      <p className="kiyaku-muted">{text.export.help}</p>
      <label>
        {text.export.from}
        <input type="date" name="from" required defaultValue={props.from} />
      </label>
      <label>
        {text.export.to}
        <input type="date" name="to" required defaultValue={props.to} />
      </label>
      {props.mayAskContacts ? (
        <label className="kiyaku-export__contacts">
          <input type="checkbox" name="contact" value="1" />
          {text.export.contacts}
        </label>
      ) : null}
      <button type="submit" className="kiyaku-button kiyaku-button--primary" disabled={busy}>
        {text.export.submit}
      </button>
      {error ? (
        <p className="kiyaku-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}
