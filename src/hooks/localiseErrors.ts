import type { AfterErrorHook, ErrorResult } from 'payload'

import { englishForCode as englishFor } from '../rules/messages'

type Item = { message?: unknown; code?: unknown; [key: string]: unknown }

const inEnglish = (items: unknown): unknown =>
  Array.isArray(items)
    ? items.map((item: Item) => ({ ...item, message: englishFor(item.code) ?? item.message }))
    : items

/**
 * Our refusals carry a code and a Japanese message. A signed-in user whose admin language is
 * English (Payload's `payload-lng` cookie or the Accept-Language header) gets the English for each
 * code instead, in the message and in the lists of violations or problems. The public API and the
 * public site never pass through here: they stay Japanese. Policy validation errors are worded in
 * the admin's language where they are thrown (validateReservationPolicy).
 */
export const localiseErrors: AfterErrorHook = ({ req, result }) => {
  if (!req.user || req.i18n?.language !== 'en') return
  const body: ErrorResult | undefined = result
  if (!body?.errors?.some((error) => englishFor(error.data?.code) !== undefined)) return
  return {
    response: {
      ...body,
      errors: body.errors.map((error) => {
        const english = englishFor(error.data?.code)
        if (!english || !error.data) return error
        const data = { ...error.data }
        if (data.violations) data.violations = inEnglish(data.violations)
        if (data.problems) data.problems = inEnglish(data.problems)
        const problems = Array.isArray(data.problems) ? (data.problems as Item[]) : []
        const message =
          problems.length > 1 ? problems.map((problem) => problem.message).join('\n') : english
        return { ...error, message, data }
      }),
    },
  }
}
