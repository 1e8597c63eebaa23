import { describe, expect, it } from 'vitest'
import { evaluateNewBooking } from '../../../src/rules/booking/evaluateNewBooking'
import type { Tool } from '../../../src/rules/booking/types'
import { isesaki, jst, kitakyushu } from './fixtures'

const affirmAll = (ids: { id: string }[]) => Object.fromEntries(ids.map(({ id }) => [id, true]))

describe('evaluateNewBooking', () => {
  const selfService = {
    policy: kitakyushu,
    channel: 'self-service' as const,
    slotStart: jst('2026-12-01T10:00'),
    now: jst('2026-11-30T12:00'),
    applicant: { name: '山田 花子', email: 'hanako@example.jp', phone: '０９０１２３４５６７８' },
    eligibility: affirmAll(kitakyushu.eligibility),
    tool: 'teleoffice' as Tool,
  }

  it('passes a valid 北九州 self-service booking', () => {
    expect(evaluateNewBooking(selfService)).toEqual([])
  })

  it('passes a valid 伊勢崎 staff-scheduled booking made the day before', () => {
    const violations = evaluateNewBooking({
      policy: isesaki,
      channel: 'staff-scheduled',
      slotStart: jst('2026-12-01T14:30'),
      now: jst('2026-11-30T16:00'),
      applicant: {
        name: '山田 太郎',
        jobSeekerNumber: '１０２０３－１２３４５６７８',
        desiredDateTime: '12月1日の午後',
        email: 'taro@example.jp',
      },
      eligibility: affirmAll(isesaki.eligibility),
      tool: 'zoom',
    })
    expect(violations).toEqual([])
  })

  it('reports each failing rule with its code', () => {
    const codes = (overrides: Partial<typeof selfService>) =>
      evaluateNewBooking({ ...selfService, ...overrides }).map((v) => v.code)
    expect(codes({ slotStart: jst('2026-12-01T12:00') })).toEqual(['outside_hours'])
    expect(codes({ slotStart: jst('2026-11-23T10:00'), now: jst('2026-11-20T12:00') })).toEqual([
      'closed_day',
    ])
    expect(codes({ now: jst('2026-12-01T10:00') })).toEqual(['lead_time'])
    expect(codes({ now: jst('2026-10-31T12:00') })).toEqual(['booking_window'])
    expect(codes({ applicant: { ...selfService.applicant, phone: '' } })).toEqual(['missing_field'])
    expect(codes({ eligibility: {} })).toEqual(Array(4).fill('missing_field'))
    expect(codes({ tool: 'zoom' })).toEqual(['invalid_field'])
  })

  it('refuses a channel the office does not offer', () => {
    const violations = evaluateNewBooking({
      ...selfService,
      policy: isesaki,
      eligibility: affirmAll(isesaki.eligibility),
    })
    expect(violations.map((v) => v.code)).toEqual(['channel_not_offered'])
  })

  it('refuses an invalid slot start without throwing', () => {
    expect(evaluateNewBooking({ ...selfService, slotStart: new Date('nope') })).toMatchObject([
      { code: 'invalid_field', field: 'slotStart' },
    ])
  })
})
