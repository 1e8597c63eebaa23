import { describe, expect, it } from 'vitest'

import {
  checkNoShowCorrection,
  isNoShowCorrection,
} from '../../../src/rules/booking/checkNoShowCorrection'
import { checkRefusalDecision } from '../../../src/rules/booking/checkRefusalDecision'
import { checkTool } from '../../../src/rules/booking/checkTool'
import { evaluateNewBooking } from '../../../src/rules/booking/evaluateNewBooking'
import { staffCancellationOffered } from '../../../src/rules/booking/staffCancellation'
import { applyStaffOverrides } from '../../../src/rules/booking/staffOverrides'
import { isesaki, jst, kitakyushu } from './fixtures'

describe('checkNoShowCorrection', () => {
  it('lets staff correct a no-show to completed or cancelled, with a reason', () => {
    expect(isNoShowCorrection('no_show', 'completed')).toBe(true)
    expect(isNoShowCorrection('no_show', 'cancelled')).toBe(true)
    expect(isNoShowCorrection('no_show', 'confirmed')).toBe(false)
    expect(isNoShowCorrection('confirmed', 'completed')).toBe(false)
    expect(checkNoShowCorrection({ to: 'completed', byStaff: true, reason: '実施済み' })).toBeNull()
    expect(
      checkNoShowCorrection({ to: 'cancelled', byStaff: true, reason: '前日に電話あり' }),
    ).toBeNull()
  })

  it('refuses the system, other targets, and a correction without a reason', () => {
    expect(checkNoShowCorrection({ to: 'completed', byStaff: false, reason: 'x' })).toMatchObject({
      code: 'invalid_transition',
      field: 'status',
    })
    expect(checkNoShowCorrection({ to: 'confirmed', byStaff: true, reason: 'x' })?.code).toBe(
      'invalid_transition',
    )
    expect(checkNoShowCorrection({ to: 'completed', byStaff: true, reason: ' ' })).toMatchObject({
      code: 'missing_field',
      field: 'statusReason',
    })
  })
})

describe('staffCancellationOffered', () => {
  const slot = jst('2026-12-02T10:00')
  it('says whether the terms offer the method the applicant used', () => {
    // 伊勢崎: by phone only.
    expect(
      staffCancellationOffered(isesaki, 'staff-scheduled', 'phone', jst('2026-12-01T09:00'), slot),
    ).toBe(true)
    expect(
      staffCancellationOffered(isesaki, 'staff-scheduled', 'email', jst('2026-12-01T09:00'), slot),
    ).toBe(false)
    // 北九州, online booking: the link only; a phone call is contact all the same.
    expect(
      staffCancellationOffered(kitakyushu, 'self-service', 'phone', jst('2026-12-01T09:00'), slot),
    ).toBe(false)
    // 北九州, phone/mail booking: mail before the day, phone on the day.
    expect(
      staffCancellationOffered(
        kitakyushu,
        'staff-scheduled',
        'email',
        jst('2026-12-01T09:00'),
        slot,
      ),
    ).toBe(true)
    expect(
      staffCancellationOffered(
        kitakyushu,
        'staff-scheduled',
        'email',
        jst('2026-12-02T08:00'),
        slot,
      ),
    ).toBe(false)
    expect(
      staffCancellationOffered(null, 'staff-scheduled', 'phone', jst('2026-12-01T09:00'), slot),
    ).toBe(false)
  })
})

describe('checkRefusalDecision', () => {
  const decide = (over: Partial<Parameters<typeof checkRefusalDecision>[0]>) =>
    checkRefusalDecision({
      refusedBefore: false,
      refusedAfter: true,
      reason: '3回続けて連絡なく欠席されたため',
      role: 'office-admin',
      ...over,
    })
  it('is an office admin’s decision with a reason', () => {
    expect(decide({})).toBeNull()
    expect(decide({ role: 'hq-admin' })).toBeNull()
    expect(decide({ role: 'office-staff' })).toMatchObject({
      code: 'refusal_admin_only',
      status: 403,
    })
    expect(decide({ reason: '' })).toMatchObject({ code: 'refusal_reason_required', status: 422 })
    expect(decide({ refusedBefore: true, refusedAfter: false, reason: '' })).toBeNull()
    expect(decide({ refusedBefore: true, refusedAfter: false, role: 'office-staff' })?.code).toBe(
      'refusal_admin_only',
    )
    expect(decide({ refusedBefore: true, role: 'office-staff' })).toBeNull()
  })
})

describe('applyStaffOverrides (原則として)', () => {
  const slot = jst('2026-12-02T10:00')
  const sameDay = jst('2026-12-02T08:00')
  it('lets staff with a reason book past the previous-day deadline and the phone-booking tool', () => {
    const late = evaluateNewBooking({
      policy: isesaki,
      channel: 'staff-scheduled',
      slotStart: slot,
      now: sameDay,
      applicant: {
        name: 'a',
        email: 'a@example.test',
        jobSeekerNumber: '10010-1',
        desiredDateTime: 'x',
      },
      eligibility: Object.fromEntries(isesaki.eligibility.map((s) => [s.id, true])),
      tool: 'zoom',
    })
    expect(late.map((v) => v.code)).toEqual(['lead_time'])
    expect(
      applyStaffOverrides(late, isesaki, 'staff-scheduled', '本人の強い希望', slot, sameDay),
    ).toEqual({
      remaining: [],
      overridden: true,
    })
    expect(
      applyStaffOverrides(late, isesaki, 'staff-scheduled', null, slot, sameDay).remaining,
    ).toHaveLength(1)
    // Not once the session has started, and not the before-start rule.
    expect(
      applyStaffOverrides(late, isesaki, 'staff-scheduled', '理由', slot, jst('2026-12-02T10:00'))
        .remaining,
    ).toHaveLength(1)
    const teleoffice = checkTool(kitakyushu, 'staff-scheduled', 'teleoffice')!
    expect(
      applyStaffOverrides([teleoffice], kitakyushu, 'staff-scheduled', '理由', slot, sameDay)
        .remaining,
    ).toEqual([])
    expect(
      applyStaffOverrides([teleoffice], kitakyushu, 'self-service', '理由', slot, sameDay)
        .remaining,
    ).toHaveLength(1)
  })
})
