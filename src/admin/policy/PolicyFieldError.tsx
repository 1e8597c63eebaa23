'use client'
import {
  FieldError,
  useAllFormFields,
  useDocumentInfo,
  useFormSubmitted,
  useTranslation,
} from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useMemo } from 'react'

import { tokyoToday } from '../../lib/tokyoTime'
import { validatePolicy } from '../../rules/booking/validatePolicy'
import {
  docPathOfPolicyError,
  policyFromDoc,
  type ReservationPolicyDoc,
} from '../../services/policies/policyFromDoc'

/**
 * A policy field's error, worked out from the form's current values by the rule the server
 * applies. Payload shows a refused save's errors from the 400 answer, but a form-state answer
 * requested before the save and arriving after it marks every field valid again (issue 13's
 * refused-save test holds such an answer back to prove it); an error derived from the values
 * cannot be cleared that way. Like Payload's own, it shows once a save was tried.
 */
export function PolicyFieldError({ path }: { path: string }) {
  const [fields] = useAllFormFields()
  const submitted = useFormSubmitted()
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const ruleError = useMemo(() => {
    if (!submitted) return undefined
    const values = reduceFieldsToValues(fields, true) as ReservationPolicyDoc
    // An existing policy is not refused for a start date that has arrived (the hook's isNew).
    return validatePolicy(policyFromDoc(values), {
      today: tokyoToday(),
      isNew: id === undefined || id === null,
    }).find((error) => docPathOfPolicyError(error.path) === path)
  }, [fields, submitted, id, path])
  const message = ruleError
    ? i18n.language === 'en'
      ? ruleError.en
      : ruleError.message
    : undefined
  return <FieldError path={path} message={message} showError={message ? true : undefined} />
}
