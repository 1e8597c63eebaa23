'use client'

import { useAllFormFields, useFormProcessing, useFormSubmitted } from '@payloadcms/ui'
import type { FormState } from 'payload'
import { reduceFieldsToValues } from 'payload/shared'
import { useLayoutEffect, useRef } from 'react'

interface FieldError {
  path: string
  message: string
}

interface Refusal {
  /** The form's values when the save was refused: its errors hold while these do. */
  values: string
  errors: FieldError[]
}

function valuesOf(fields: FormState): string {
  return JSON.stringify(reduceFieldsToValues(fields, true))
}

/**
 * Keeps every field error of a refused save beside its field until the admin changes a value.
 *
 * While the admin types, Payload sends the form to the server (without validating it) and merges
 * the answer into the form whenever it arrives, marking every field it answers for valid. An
 * answer to a request sent just before or during Save that arrives after the save was refused
 * therefore hides the refusal's errors (issue 13: the no-show grace error vanished), and since the
 * refused save leaves the form unmodified nothing validates it again. The refusal is the server's
 * verdict on exactly these values, so it stands until one of them changes; from then on Payload
 * validates each change on the server as usual.
 */
export function KeepRefusedSaveErrors() {
  const [fields, dispatchFields] = useAllFormFields()
  const processing = useFormProcessing()
  const submitted = useFormSubmitted()
  const saving = useRef(false)
  /** Messages already on the form when the save began (an earlier check's leftovers). */
  const messagesBefore = useRef<Map<string, { message: unknown; valid: unknown }>>(new Map())
  const refusal = useRef<Refusal | null>(null)

  // Before paint: a hidden error is put back without ever showing the form without it.
  useLayoutEffect(() => {
    if (processing) {
      if (!saving.current) {
        saving.current = true
        refusal.current = null
        messagesBefore.current = new Map(
          Object.entries(fields).map(([path, field]) => [
            path,
            { message: field.errorMessage, valid: field.valid },
          ]),
        )
      }
      return
    }
    if (saving.current) {
      saving.current = false
      // A refused save leaves the form submitted, its errors dispatched in the same update. A
      // message that is on a field now marked valid was put there by this refusal too, unless it
      // was already there, on a valid field, before the save began.
      const errors = submitted
        ? Object.entries(fields).flatMap(([path, field]): FieldError[] => {
            if (typeof field.errorMessage !== 'string' || field.errorMessage === '') return []
            const before = messagesBefore.current.get(path)
            const leftover =
              field.valid !== false &&
              before?.valid !== false &&
              before?.message === field.errorMessage
            return leftover ? [] : [{ path, message: field.errorMessage }]
          })
        : []
      refusal.current = errors.length > 0 ? { values: valuesOf(fields), errors } : null
    }
    const kept = refusal.current
    if (!kept) return
    if (!submitted || valuesOf(fields) !== kept.values) {
      refusal.current = null
      return
    }
    const lost = kept.errors.filter(
      ({ path, message }) =>
        fields[path] !== undefined &&
        (fields[path].valid !== false || fields[path].errorMessage !== message),
    )
    if (lost.length > 0) dispatchFields({ type: 'ADD_SERVER_ERRORS', errors: lost })
  }, [fields, processing, submitted, dispatchFields])

  return null
}
