'use client'

import { toast, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'

import type { Booking } from '../../payload-types'
import { errorMessageOf, restJson } from '../shared/api'
import { adminText } from '../shared/text'

type Status = Booking['status']
type CancelVia = NonNullable<Booking['cancelVia']>

const CANCEL_CHANNELS: CancelVia[] = ['phone', 'email', 'link']

/**
 * The status changes staff record on the day: confirm, complete, no-show, and cancel with the
 * channel the cancellation came by. The booking rules on the server decide what is allowed;
 * their Japanese message is shown as it comes.
 */
export function BookingActions({
  bookingId,
  status,
  label,
  onChanged,
}: {
  bookingId: number | string
  status: Status
  label: string
  /** Called after a change is saved; the day view re-renders from the server instead. */
  onChanged?: () => void
}) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const text = adminText(i18n.language)
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [cancelVia, setCancelVia] = useState<CancelVia>('phone')
  const selectId = useId()

  async function change(next: Status, extra: Partial<Booking> = {}) {
    setBusy(true)
    try {
      const response = await restJson(
        `${config.serverURL}${config.routes.api}/bookings/${bookingId}`,
        'PATCH',
        { status: next, ...extra },
      )
      if (!response.ok) {
        toast.error(await errorMessageOf(response, text.actions.failed))
        return
      }
      toast.success(text.actions.saved)
      setCancelling(false)
      if (onChanged) onChanged()
      else router.refresh()
    } catch {
      toast.error(text.actions.failed)
    } finally {
      setBusy(false)
    }
  }

  if (status !== 'pending_confirmation' && status !== 'confirmed') return null

  if (cancelling) {
    return (
      <div className="kiyaku-actions" role="group" aria-label={`${text.actions.cancel}: ${label}`}>
        <label htmlFor={selectId}>{text.actions.cancelVia}</label>
        <select
          id={selectId}
          value={cancelVia}
          onChange={(event) => setCancelVia(event.target.value as CancelVia)}
          disabled={busy}
        >
          {CANCEL_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {text.contact[channel]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="kiyaku-button kiyaku-button--danger"
          disabled={busy}
          onClick={() => change('cancelled', { cancelVia })}
        >
          {text.actions.cancelSubmit}
        </button>
        <button
          type="button"
          className="kiyaku-button"
          disabled={busy}
          onClick={() => setCancelling(false)}
        >
          {text.actions.back}
        </button>
      </div>
    )
  }

  return (
    <div className="kiyaku-actions" role="group" aria-label={`${text.day.actions}: ${label}`}>
      {status === 'pending_confirmation' ? (
        <button
          type="button"
          className="kiyaku-button"
          disabled={busy}
          onClick={() => change('confirmed')}
        >
          {text.actions.confirm}
        </button>
      ) : null}
      {status === 'confirmed' ? (
        <>
          <button
            type="button"
            className="kiyaku-button"
            disabled={busy}
            onClick={() => change('completed')}
          >
            {text.actions.complete}
          </button>
          <button
            type="button"
            className="kiyaku-button"
            disabled={busy}
            onClick={() => change('no_show')}
          >
            {text.actions.noShow}
          </button>
        </>
      ) : null}
      <button
        type="button"
        className="kiyaku-button"
        disabled={busy}
        onClick={() => setCancelling(true)}
      >
        {text.actions.cancel}
      </button>
    </div>
  )
}
