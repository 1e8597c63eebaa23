import type { ApplicantField } from './types'

/**
 * How a field's value is checked and normalised (see normaliseApplicant): free text on one line
 * or several, or one of the formats with rules of their own.
 */
export type ApplicantFieldFormat =
  'singleLineText' | 'multilineText' | 'email' | 'phone' | 'jobSeekerNumber'

export interface ApplicantFieldDefinition {
  readonly name: ApplicantField
  /** Japanese (what applicants, staff and the terms read) and English (the admin in English). */
  readonly label: { readonly ja: string; readonly en: string }
  /** How the field is stored and entered: one line, or a text area. */
  readonly kind: 'text' | 'textarea'
  readonly format: ApplicantFieldFormat
  /** The most characters the normalised value may have. */
  readonly maxLength: number
}

/**
 * The applicant's details, in the order forms, lists and checks present them. The only list of
 * them: the bookings collection's fields, the policy's field options, the rule checks, the public
 * API's body, the booking form and the terms' wording are all derived from it.
 */
export const APPLICANT_FIELDS = [
  {
    name: 'name',
    label: { ja: '氏名', en: 'Name' },
    kind: 'text',
    format: 'singleLineText',
    maxLength: 100,
  },
  {
    name: 'email',
    label: { ja: 'メールアドレス', en: 'Email' },
    kind: 'text',
    format: 'email',
    // RFC 5321's limit on a forward path.
    maxLength: 254,
  },
  {
    name: 'phone',
    label: { ja: '電話番号', en: 'Phone' },
    kind: 'text',
    format: 'phone',
    // Stored as digits only: 10 for landlines, 11 for mobile and IP numbers.
    maxLength: 11,
  },
  {
    name: 'jobSeekerNumber',
    label: { ja: '求職番号', en: 'Job-seeker number' },
    kind: 'text',
    format: 'jobSeekerNumber',
    // "NNNNN-" and a serial of up to 8 digits.
    maxLength: 14,
  },
  {
    name: 'desiredDateTime',
    label: { ja: '希望日時', en: 'Desired date and time' },
    kind: 'text',
    format: 'singleLineText',
    maxLength: 200,
  },
  {
    name: 'note',
    label: { ja: '連絡事項', en: 'Note' },
    kind: 'textarea',
    format: 'multilineText',
    maxLength: 1000,
  },
] as const satisfies readonly ApplicantFieldDefinition[]

/** The field names, in order. */
export const APPLICANT_FIELD_NAMES: readonly ApplicantField[] = APPLICANT_FIELDS.map(
  (field) => field.name,
)

const BY_NAME = new Map<ApplicantField, ApplicantFieldDefinition>(
  APPLICANT_FIELDS.map((field) => [field.name, field]),
)

/** The definition of a field. */
export function applicantField(name: ApplicantField): ApplicantFieldDefinition {
  return BY_NAME.get(name)!
}

export function isApplicantField(value: unknown): value is ApplicantField {
  return BY_NAME.has(value as ApplicantField)
}

/** A field's Japanese label. */
export function applicantFieldLabel(name: ApplicantField): string {
  return applicantField(name).label.ja
}
