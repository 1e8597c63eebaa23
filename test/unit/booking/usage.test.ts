import { describe, expect, it } from 'vitest'

import {
  mergeUsage,
  mondayOf,
  offeredPlaces,
  refusalsByCount,
  summariseUsage,
  type BookingCountRow,
} from '../../../src/rules/booking/usage'
import { kitakyushu } from './fixtures'

describe('usage figures', () => {
  const rows: BookingCountRow[] = [
    { day: '2026-12-01', channel: 'self-service', status: 'completed', cancelVia: null, count: 6 },
    { day: '2026-12-01', channel: 'self-service', status: 'no_show', cancelVia: null, count: 2 },
    { day: '2026-12-02', channel: 'self-service', status: 'expired', cancelVia: null, count: 2 },
    {
      day: '2026-12-08',
      channel: 'staff-scheduled',
      status: 'cancelled',
      cancelVia: 'phone',
      count: 3,
    },
    {
      day: '2026-12-08',
      channel: 'staff-scheduled',
      status: 'cancelled',
      cancelVia: null,
      count: 1,
    },
    {
      day: '2026-12-09',
      channel: 'staff-scheduled',
      status: 'confirmed',
      cancelVia: null,
      count: 4,
    },
  ]

  it('counts by week and channel, and the rates from their own denominators', () => {
    const usage = summariseUsage(rows, 40, '2026-11-30', '2026-12-13')
    expect(usage.weeks).toEqual([
      { weekStart: '2026-11-30', byChannel: { 'self-service': 10, 'staff-scheduled': 0 } },
      { weekStart: '2026-12-07', byChannel: { 'self-service': 0, 'staff-scheduled': 8 } },
    ])
    expect(usage.total).toBe(18)
    expect(usage.booked).toBe(12)
    expect(usage.utilisation).toBeCloseTo(12 / 40)
    expect(usage.lapsedShare).toBeCloseTo(2 / 10)
    expect(usage.noShowRate).toBeCloseTo(2 / 8)
    expect(usage.cancellations).toEqual({ link: 0, phone: 3, email: 0, office: 1 })
  })

  it('has no rate without a denominator', () => {
    const usage = summariseUsage([], 0, '2026-11-30', '2026-12-06')
    expect([usage.utilisation, usage.lapsedShare, usage.noShowRate]).toEqual([null, null, null])
  })

  it('adds offices up, rates recomputed from the sums', () => {
    const a = summariseUsage(rows, 40, '2026-11-30', '2026-12-13')
    const b = summariseUsage(rows.slice(0, 2), 10, '2026-11-30', '2026-12-13')
    const all = mergeUsage([a, b], '2026-11-30', '2026-12-13')
    expect(all.total).toBe(26)
    expect(all.utilisation).toBeCloseTo((12 + 8) / 50)
    expect(all.noShowRate).toBeCloseTo(4 / 16)
    expect(all.weeks[0]!.byChannel['self-service']).toBe(18)
  })

  it('adds refusals by rule code across offices, most frequent first', () => {
    const a = summariseUsage([], 0, '2026-11-30', '2026-12-13', { slot_full: 2, outside_hours: 1 })
    const b = summariseUsage([], 0, '2026-11-30', '2026-12-13', { outside_hours: 3, lead_time: 1 })
    const all = mergeUsage([a, b], '2026-11-30', '2026-12-13')
    expect(all.refusals).toEqual({ slot_full: 2, outside_hours: 4, lead_time: 1 })
    expect(a.refusals).toEqual({ slot_full: 2, outside_hours: 1 })
    expect(refusalsByCount(all.refusals)).toEqual([
      ['outside_hours', 4],
      ['slot_full', 2],
      ['lead_time', 1],
    ])
    expect(refusalsByCount({ slot_full: 0 })).toEqual([])
  })

  it('counts places offered from the policy: slots × capacity on open days', () => {
    // Weekdays 10:00–12:00 and 13:00–16:00, 30-minute sessions: 10 slots a day.
    const policy = {
      ...kitakyushu,
      effectiveFrom: '2025-04-01',
      capacityPerSlot: 2,
      closures: ['2026-12-02'],
    }
    expect(offeredPlaces([policy], '2026-11-30', '2026-12-06')).toBe(4 * 10 * 2)
    expect(mondayOf('2026-12-06')).toBe('2026-11-30')
  })
})
