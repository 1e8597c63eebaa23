import { describe, expect, it } from 'vitest'

import {
  APPLICANT_FIELD_NAMES,
  APPLICANT_FIELDS,
  applicantField,
  applicantFieldLabel,
  isApplicantField,
} from '../../../src/rules/booking/applicantFields'
import { checkApplicantFields } from '../../../src/rules/booking/checkApplicantFields'
import { normaliseField } from '../../../src/rules/booking/normaliseApplicant'
import { termsLists } from '../../../src/rules/terms/variables'
import { kitakyushu } from './fixtures'

describe('APPLICANT_FIELDS', () => {
  it('defines each field once, in the order forms show them', () => {
    expect(APPLICANT_FIELD_NAMES).toEqual([
      'name',
      'email',
      'phone',
      'jobSeekerNumber',
      'desiredDateTime',
      'note',
    ])
    expect(new Set(APPLICANT_FIELDS.map((field) => field.label.ja)).size).toBe(
      APPLICANT_FIELDS.length,
    )
    for (const field of APPLICANT_FIELDS) {
      expect(field.label.ja).toMatch(/[ぁ-んァ-ン一-龯]/)
      expect(field.label.en).toMatch(/^[A-Z]/)
      expect(field.maxLength).toBeGreaterThan(0)
    }
  })

  it('labels the free-text field one way everywhere', () => {
    expect(applicantFieldLabel('note')).toBe('連絡事項')
    expect(applicantField('note')).toMatchObject({ kind: 'textarea', format: 'multilineText' })
  })

  it('knows its own names only', () => {
    expect(isApplicantField('jobSeekerNumber')).toBe(true)
    expect(isApplicantField('address')).toBe(false)
    expect(isApplicantField(undefined)).toBe(false)
  })

  it('bounds free text by the definition, and the rule message says so', () => {
    for (const name of ['name', 'desiredDateTime', 'note'] as const) {
      const field = applicantField(name)
      expect(normaliseField(field, 'あ'.repeat(field.maxLength))).toBe('あ'.repeat(field.maxLength))
      expect(normaliseField(field, 'あ'.repeat(field.maxLength + 1))).toBeNull()
      const [found] = checkApplicantFields(
        { requiredFields: [] },
        { [name]: 'あ'.repeat(field.maxLength + 1) },
      )
      expect(found).toMatchObject({ code: 'invalid_field', field: `applicant.${name}` })
      expect(found!.message).toContain(field.label.ja)
      expect(found!.message).toContain(String(field.maxLength))
    }
    expect(normaliseField(applicantField('note'), '一行目\n二行目')).toBe('一行目\n二行目')
    expect(normaliseField(applicantField('name'), '一行目\n二行目')).toBeNull()
  })

  it('names a missing field by its label', () => {
    const [found] = checkApplicantFields({ requiredFields: ['jobSeekerNumber'] }, {})
    expect(found!.message).toBe(`${applicantFieldLabel('jobSeekerNumber')}を入力してください。`)
  })

  it('gives the terms the same labels', () => {
    const lists = termsLists({} as never, kitakyushu)
    const selfService = kitakyushu.channels.find((c) => c.channel === 'self-service')!
    expect(lists.selfServiceFields!.map((item) => item.replace(/（.*$/, ''))).toEqual(
      [...selfService.requiredFields, ...selfService.optionalFields].map(applicantFieldLabel),
    )
  })
})
