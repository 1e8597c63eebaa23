import type { Response } from 'express'
import type { Payload } from 'payload'
import type { z } from 'zod'

import { APPLICANT_FIELDS } from '../../rules/booking/applicantFields'
import { invalidSlotStart } from '../../services/bookings/bookingData'
import { BookingRuleError, InvalidTokenError } from '../../services/bookings/errors'
import { officeBySlug, type PublicOffice } from '../../services/bookings/officeBySlug'
import { PublicError, type PublicErrorBody } from '../errors'

const FIELD_LABELS: Record<string, string> = {
  slotStart: '予約日時',
  applicant: '申込者の情報',
  consent: '利用規約への同意',
  'consent.termsEdition': '同意した利用規約の版',
  'consent.agreed': '利用規約への同意',
  eligibility: '利用条件の確認',
  from: '開始日',
  to: '終了日',
  at: '日付',
  token: 'トークン',
  ...Object.fromEntries(APPLICANT_FIELDS.map(({ name, label }) => [`applicant.${name}`, label.ja])),
}

/** What an invalid value is told when the field's label alone does not say the format. */
const FORMAT_MESSAGES: Record<string, string> = {
  slotStart: invalidSlotStart().message,
}

function labelOf(path: string): string {
  return FIELD_LABELS[path] ?? (path.startsWith('eligibility.') ? '利用条件の確認' : path || '入力')
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (!value || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/**
 * Parses a body or query with zod; the first problem becomes a 422 with a field path, code
 * missing_field when nothing was given there and invalid_field otherwise, message in Japanese.
 */
export function parseOrReject<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
  const path = [...issue.path, ...(unknownKey !== undefined ? [unknownKey] : [])]
  const field = path.map(String).join('.')
  if (unknownKey !== undefined) {
    throw new PublicError(422, 'invalid_field', `「${field}」は指定できない項目です。`, field)
  }
  if (valueAt(input, issue.path) === undefined) {
    throw new PublicError(422, 'missing_field', `${labelOf(field)}を指定してください。`, field)
  }
  throw new PublicError(
    422,
    'invalid_field',
    FORMAT_MESSAGES[field] ?? `${labelOf(field)}の形式が正しくありません。`,
    field,
  )
}

export function ruleErrorBody(error: BookingRuleError): PublicErrorBody {
  return {
    errors: error.violations.map((found) =>
      found.field
        ? { code: found.code, message: found.message, field: found.field }
        : { code: found.code, message: found.message },
    ),
  }
}

/** Booking errors in the public shape (every violation listed); false for anything else. */
export function sendBookingError(res: Response, error: unknown): boolean {
  if (error instanceof BookingRuleError) {
    res.status(error.status).json(ruleErrorBody(error))
    return true
  }
  if (error instanceof InvalidTokenError) {
    res.status(400).json({ errors: [{ code: 'invalid_token', message: error.message }] })
    return true
  }
  return false
}

export async function requireOffice(
  payload: Payload,
  slug: string | undefined,
): Promise<PublicOffice> {
  const office = slug ? await officeBySlug(payload, slug) : null
  if (!office) throw new PublicError(404, 'office_not_found', '指定された事業所は見つかりません。')
  return office
}
