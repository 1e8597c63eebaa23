import {
  APPLICANT_FIELDS,
  applicantField,
  type ApplicantFieldDefinition,
  type ApplicantFieldFormat,
} from './applicantFields'
import type { Applicant, ApplicantInput } from './types'

/**
 * Applicants type on Japanese keyboards: full-width digits and letters, and any of several
 * dash-like characters where a hyphen is meant. NFKC folds the full-width forms; the dashes
 * that NFKC leaves alone (katakana ー, ‐, –, −, …) are mapped here.
 */
const DASHES = /[\u2010-\u2015\u2212\u30fc\uff0d\uff70\ufe63]/g
const WHITESPACE = /[\s\u3000]+/g

function foldWidth(text: string): string {
  return text.normalize('NFKC').replace(DASHES, '-')
}

/**
 * 求職番号: a 5-digit office code and a serial of 1–8 digits, normally written "12345-6789012".
 * Without the hyphen the first five digits are the office code. Returns "NNNNN-N…" or null.
 */
export function normaliseJobSeekerNumber(text: string): string | null {
  const match = /^(\d{5})-?(\d{1,8})$/.exec(foldWidth(text).replace(WHITESPACE, ''))
  return match ? `${match[1]}-${match[2]}` : null
}

/**
 * A Japanese phone number: 10 or 11 digits starting with 0, hyphens optional but never doubled
 * or at either end. Returned as digits only, since hyphen placement depends on the area code.
 * The length follows the numbering plan: 020/050/060/070/080/090 (mobile, IP, 0800) take 11
 * digits; landlines, 0120 and 0570 take 10. No area code has 0 as its second digit, so
 * "0, digit, 0" tells the two apart, and a mobile number missing a digit is caught.
 */
export function normalisePhone(text: string): string | null {
  const folded = foldWidth(text).replace(WHITESPACE, '')
  if (!/^\d+(?:-\d+)*$/.test(folded)) return null
  const digits = folded.replace(/-/g, '')
  const length = /^0[2-9]0/.test(digits) ? 11 : 10
  return digits.length === length && digits.startsWith('0') ? digits : null
}

// Deliberately permissive in the local part: older Japanese mobile addresses contain
// consecutive dots or a dot before the @, and carriers still deliver to them.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/

/** An email address with full-width characters folded and the domain lower-cased, or null. */
export function normaliseEmail(
  text: string,
  maxLength = applicantField('email').maxLength,
): string | null {
  const folded = text.normalize('NFKC').trim()
  if (folded.length > maxLength || !EMAIL.test(folded)) return null
  const at = folded.lastIndexOf('@')
  return folded.slice(0, at + 1) + folded.slice(at + 1).toLowerCase()
}

// Line breaks are fine in a note; other control characters only come from broken or hostile clients.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/

/** Trimmed free text within its length limit, or null. */
export function normaliseText(text: string, maxLength: number, multiline = false): string | null {
  const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
  if ([...trimmed].length > maxLength) return null
  if (CONTROL.test(trimmed) || (!multiline && /[\r\n]/.test(trimmed))) return null
  return trimmed
}

const FORMAT_NORMALISERS: Readonly<
  Record<ApplicantFieldFormat, (text: string, maxLength: number) => string | null>
> = {
  singleLineText: (text, maxLength) => normaliseText(text, maxLength),
  multilineText: (text, maxLength) => normaliseText(text, maxLength, true),
  email: normaliseEmail,
  // The formats below fix their own length.
  phone: (text) => normalisePhone(text),
  jobSeekerNumber: (text) => normaliseJobSeekerNumber(text),
}

/** A field's value as stored, or null when it is malformed. */
export function normaliseField(field: ApplicantFieldDefinition, text: string): string | null {
  return FORMAT_NORMALISERS[field.format](text, field.maxLength)
}

/** True for the values that count as "not filled in": absent, null, or blank text. */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && /^[\s\u3000]*$/.test(value))
  )
}

/**
 * The applicant's filled-in fields, normalised, for storing once checkApplicantFields passes.
 * Blank, non-text and malformed values are left out.
 */
export function normaliseApplicant(input: ApplicantInput): Applicant {
  const applicant: Applicant = {}
  for (const field of APPLICANT_FIELDS) {
    const value = input[field.name]
    if (typeof value !== 'string' || isBlank(value)) continue
    const normalised = normaliseField(field, value)
    if (normalised !== null) applicant[field.name] = normalised
  }
  return applicant
}
