import { describe, expect, it } from 'vitest'
import { policyInForce } from '../../../src/rules/booking/policyInForce'
import { validatePolicy } from '../../../src/rules/booking/validatePolicy'
import type { BookingPolicy } from '../../../src/rules/booking/types'
import { isesaki, jst, kitakyushu, withChanges } from './fixtures'

describe('policyInForce', () => {
  const current = isesaki
  const fromDecember = withChanges(isesaki, { effectiveFrom: '2026-12-01', sessionMinutes: 60 })
  const policies = [fromDecember, current]

  it('governs slots from 00:00 JST of effectiveFrom on', () => {
    expect(policyInForce(policies, jst('2026-11-30T15:30'))).toBe(current)
    expect(policyInForce(policies, jst('2026-11-30T23:59:59.999'))).toBe(current)
    expect(policyInForce(policies, jst('2026-12-01T00:00'))).toBe(fromDecember)
    expect(policyInForce(policies, jst('2027-06-01T10:00'))).toBe(fromDecember)
  })

  it('is null before any policy starts', () => {
    expect(policyInForce(policies, jst('2025-03-31T23:59'))).toBeNull()
    expect(policyInForce([], jst('2026-12-01T10:00'))).toBeNull()
  })

  it('prefers the later entry for the same effectiveFrom', () => {
    const resaved = withChanges(fromDecember, { capacityPerSlot: 2 })
    expect(policyInForce([fromDecember, resaved], jst('2026-12-02T10:00'))).toBe(resaved)
  })
})

describe('validatePolicy', () => {
  const today = '2026-11-21'
  const future = { effectiveFrom: '2026-12-01' }
  const paths = (policy: BookingPolicy, isNew = true) =>
    validatePolicy(policy, { today, isNew }).map((error) => error.path)

  it('accepts both demo policies', () => {
    expect(validatePolicy(kitakyushu, { today, isNew: false })).toEqual([])
    expect(validatePolicy(isesaki, { today: '2025-04-01' })).toEqual([])
  })

  it('refuses a new policy effective before today (JST)', () => {
    expect(paths(withChanges(isesaki, { effectiveFrom: '2026-11-20' }))).toEqual(['effectiveFrom'])
    expect(paths(withChanges(isesaki, { effectiveFrom: '2026-11-21' }))).toEqual([])
    expect(paths(withChanges(isesaki, { effectiveFrom: '2026-02-30' }))).toEqual(['effectiveFrom'])
    // 2026-11-20T16:00Z is already 2026-11-21 in Tokyo.
    const errors = validatePolicy(withChanges(isesaki, { effectiveFrom: '2026-11-20' }), {
      today: new Date('2026-11-20T16:00:00Z'),
    })
    expect(errors.map((error) => error.path)).toEqual(['effectiveFrom'])
  })

  it('refuses windows that overlap on the same weekday, but not touching ones', () => {
    const overlapping = withChanges(isesaki, {
      ...future,
      windows: [
        { weekday: 1, start: '10:00', end: '12:00' },
        { weekday: 1, start: '11:30', end: '13:00' },
        { weekday: 2, start: '11:30', end: '13:00' },
        { weekday: 2, start: '13:00', end: '14:00' },
      ],
    })
    const errors = validatePolicy(overlapping, { today })
    expect(errors).toEqual([
      {
        path: 'windows.1.start',
        message: expect.stringMatching(/重なって/),
        en: expect.stringMatching(/Overlaps/),
      },
    ])
  })

  it('refuses windows crossing midnight, ending before they start, or with bad times', () => {
    const policy = withChanges(isesaki, {
      ...future,
      windows: [
        { weekday: 1, start: '22:00', end: '01:00' },
        { weekday: 2, start: '10:00', end: '10:00' },
        { weekday: 3, start: '9:00', end: '12:00' },
        { weekday: 4, start: '10:00', end: '24:00' },
        { weekday: 8 as 1, start: '10:00', end: '12:00' },
      ],
    })
    expect(paths(policy)).toEqual([
      'windows.0.end',
      'windows.1.end',
      'windows.2.start',
      'windows.3.end',
      'windows.4.weekday',
    ])
  })

  it('refuses a session length that does not divide a window', () => {
    const policy = withChanges(isesaki, {
      ...future,
      sessionMinutes: 45,
      windows: [{ weekday: 1, start: '10:00', end: '12:00' }],
    })
    expect(paths(policy)).toEqual(['windows.0.end'])
    expect(paths(withChanges(isesaki, { ...future, sessionMinutes: 0 }))).toContain(
      'sessionMinutes',
    )
  })

  it('refuses a capacity below 1', () => {
    expect(paths(withChanges(isesaki, { ...future, capacityPerSlot: 0 }))).toEqual([
      'capacityPerSlot',
    ])
    expect(paths(withChanges(isesaki, { ...future, capacityPerSlot: 1.5 }))).toEqual([
      'capacityPerSlot',
    ])
  })

  it('refuses no channels, a duplicated channel, and a channel without tools', () => {
    expect(paths(withChanges(isesaki, { ...future, channels: [] }))).toEqual(['channels'])
    const staff = isesaki.channels[0]!
    expect(paths(withChanges(isesaki, { ...future, channels: [staff, staff] }))).toEqual([
      'channels.1.channel',
    ])
    expect(paths(withChanges(isesaki, { ...future, channels: [{ ...staff, tools: [] }] }))).toEqual(
      ['channels.0.tools'],
    )
  })

  it('needs a positive confirm window and a required email when self-service is offered', () => {
    expect(paths(withChanges(kitakyushu, { ...future, confirmWindowMinutes: 0 }))).toEqual([
      'confirmWindowMinutes',
    ])
    expect(paths(withChanges(isesaki, { ...future, confirmWindowMinutes: 0 }))).toEqual([])
    const selfService = { ...kitakyushu.channels[0]!, requiredFields: ['name' as const] }
    expect(paths(withChanges(kitakyushu, { ...future, channels: [selfService] }))).toEqual([
      'channels.0.requiredFields',
    ])
  })

  it('checks the remaining numbers, dates and texts', () => {
    const policy = withChanges(isesaki, {
      ...future,
      closures: ['2026-12-24', '12/25'],
      bookingWindowDays: 0,
      noShowGraceMinutes: -1,
      refuseAfterNoShows: 0.5,
      eligibility: [
        { id: 'a', text: 'ok' },
        { id: 'a', text: ' ' },
        { id: 'has space', text: 'ok' },
      ],
      court: '',
    })
    expect(paths(policy)).toEqual([
      'closures.1',
      'bookingWindowDays',
      'noShowGraceMinutes',
      'refuseAfterNoShows',
      'eligibility.1.id',
      'eligibility.1.text',
      'eligibility.2.id',
      'court',
    ])
  })

  it('writes its messages in Japanese', () => {
    for (const error of validatePolicy(withChanges(isesaki, { channels: [], windows: [] }), {
      today,
    })) {
      expect(error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    }
  })
})
