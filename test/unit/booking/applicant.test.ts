import { describe, expect, it } from 'vitest'
import { checkApplicantFields } from '../../../src/rules/booking/checkApplicantFields'
import { checkEligibility } from '../../../src/rules/booking/checkEligibility'
import {
  normaliseApplicant,
  normaliseEmail,
  normaliseJobSeekerNumber,
  normalisePhone,
} from '../../../src/rules/booking/normaliseApplicant'
import { isesaki, kitakyushu } from './fixtures'

describe('normaliseJobSeekerNumber', () => {
  it.each([
    ['12345-6789012', '12345-6789012'],
    ['123456789012', '12345-6789012'],
    ['１２３４５－６７８９０１２', '12345-6789012'],
    ['１２３４５ー６７８９０１２', '12345-6789012'],
    ['１２３４５‐６７８９０１２', '12345-6789012'],
    ['12345–67890123', '12345-67890123'],
    ['１２３４５６７８９０１２', '12345-6789012'],
    [' 12345-1 ', '12345-1'],
    ['12345-12345678', '12345-12345678'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseJobSeekerNumber(input)).toBe(expected)
  })

  it.each([
    '12345',
    '12345-',
    '1234-5678',
    '12345-123456789',
    '1234512345678 9',
    '12345--1',
    'abcde-123',
    '',
  ])('rejects %j', (input) => {
    expect(normaliseJobSeekerNumber(input)).toBeNull()
  })
})

describe('normalisePhone', () => {
  it.each([
    ['090-1234-5678', '09012345678'],
    ['０９０－１２３４－５６７８', '09012345678'],
    ['093-123-4567', '0931234567'],
    ['0270ー12ー3456', '0270123456'],
    ['0312345678', '0312345678'],
    ['0120-123-456', '0120123456'],
    ['0800-123-4567', '08001234567'],
    ['050-1234-5678', '05012345678'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected)
  })

  it.each([
    '090-1234-567',
    '090123456789',
    '03-1234-56789',
    '0120-123-4567',
    '90-1234-5678',
    '090--1234-5678',
    '-09012345678',
    '090-1234-5678-',
    '03(1234)5678',
  ])('rejects %j', (input) => {
    expect(normalisePhone(input)).toBeNull()
  })
})

describe('normaliseEmail', () => {
  it('accepts ordinary and legacy Japanese mobile addresses, folding full width', () => {
    expect(normaliseEmail('taro@example.jp')).toBe('taro@example.jp')
    expect(normaliseEmail('ｔａｒｏ＠Example.JP')).toBe('taro@example.jp')
    expect(normaliseEmail('taro..yamada.@docomo.ne.jp')).toBe('taro..yamada.@docomo.ne.jp')
  })

  it.each(['taro', 'taro@', '@example.jp', 'taro@example', 'ta ro@example.jp', 'taro@exa_mple.jp'])(
    'rejects %j',
    (input) => {
      expect(normaliseEmail(input)).toBeNull()
    },
  )
})

describe('checkApplicantFields', () => {
  const selfService = kitakyushu.channels.find((c) => c.channel === 'self-service')!
  const isesakiStaff = isesaki.channels[0]!

  it('北九州 self-service: name, email, phone required; job-seeker number and note optional', () => {
    expect(
      checkApplicantFields(selfService, {
        name: '山田 花子',
        email: 'hanako@example.jp',
        phone: '090-1234-5678',
      }),
    ).toEqual([])
    const violations = checkApplicantFields(selfService, { name: ' 　', email: '' })
    expect(violations.map((v) => [v.code, v.field])).toEqual([
      ['missing_field', 'applicant.name'],
      ['missing_field', 'applicant.email'],
      ['missing_field', 'applicant.phone'],
    ])
    expect(violations[0]!.message).toBe('氏名を入力してください。')
  })

  it('伊勢崎: name, job-seeker number, desired date and time, email', () => {
    const violations = checkApplicantFields(isesakiStaff, { name: '山田 太郎' })
    expect(violations.map((v) => v.field)).toEqual([
      'applicant.email',
      'applicant.jobSeekerNumber',
      'applicant.desiredDateTime',
    ])
    expect(violations.every((v) => v.code === 'missing_field')).toBe(true)
  })

  it('reports malformed values as invalid_field, including optional ones and non-text', () => {
    const violations = checkApplicantFields(selfService, {
      name: '山田\u0000花子',
      email: 'not-an-address',
      phone: 9012345678,
      jobSeekerNumber: '1234-5',
      note: 'x'.repeat(1001),
    })
    expect(violations.map((v) => [v.code, v.field])).toEqual([
      ['invalid_field', 'applicant.name'],
      ['invalid_field', 'applicant.email'],
      ['invalid_field', 'applicant.phone'],
      ['invalid_field', 'applicant.jobSeekerNumber'],
      ['invalid_field', 'applicant.note'],
    ])
  })

  it('normaliseApplicant gives the values to store', () => {
    expect(
      normaliseApplicant({
        name: '　山田 花子 ',
        email: 'Hanako@Example.JP',
        phone: '０９０－１２３４－５６７８',
        jobSeekerNumber: '１２３４５６７８９０１２',
        note: '',
      }),
    ).toEqual({
      name: '山田 花子',
      email: 'Hanako@example.jp',
      phone: '09012345678',
      jobSeekerNumber: '12345-6789012',
    })
  })
})

describe('checkEligibility', () => {
  it('requires every statement affirmed with true', () => {
    const all = Object.fromEntries(kitakyushu.eligibility.map(({ id }) => [id, true]))
    expect(checkEligibility(kitakyushu, all)).toEqual([])
    const violations = checkEligibility(kitakyushu, {
      ...all,
      'video-device': 'true',
      registered: false,
    })
    expect(violations.map((v) => [v.code, v.field])).toEqual([
      ['missing_field', 'eligibility.registered'],
      ['missing_field', 'eligibility.video-device'],
    ])
    expect(checkEligibility(isesaki, undefined)).toHaveLength(2)
  })
})
