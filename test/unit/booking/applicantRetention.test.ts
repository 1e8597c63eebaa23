import { describe, expect, it } from 'vitest'

import {
  checkOfficeRetention,
  isDueForErasure,
  retentionDaysFor,
} from '../../../src/rules/booking/applicantRetention'

const now = new Date('2026-06-01T00:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()

describe('applicant retention', () => {
  it('erases finished bookings whose slot ended longer ago than the retention', () => {
    for (const status of ['completed', 'cancelled', 'expired', 'no_show']) {
      expect(isDueForErasure({ status, slotEnd: daysAgo(31) }, 30, now)).toBe(true)
      expect(isDueForErasure({ status, slotEnd: daysAgo(29) }, 30, now)).toBe(false)
    }
  })

  it('never erases open bookings, however old', () => {
    for (const status of ['pending_confirmation', 'confirmed']) {
      expect(isDueForErasure({ status, slotEnd: daysAgo(1000) }, 30, now)).toBe(false)
    }
  })

  it('counts from the last status change when it came after the slot', () => {
    const booking = { status: 'cancelled', slotEnd: daysAgo(40), lastChangeAt: daysAgo(10) }
    expect(isDueForErasure(booking, 30, now)).toBe(false)
    expect(isDueForErasure({ ...booking, lastChangeAt: daysAgo(35) }, 30, now)).toBe(true)
  })

  it('falls back to the slot start and skips bookings already erased', () => {
    expect(isDueForErasure({ status: 'completed', slotStart: daysAgo(31) }, 30, now)).toBe(true)
    expect(
      isDueForErasure(
        { status: 'completed', slotEnd: daysAgo(31), applicantErasedAt: daysAgo(1) },
        30,
        now,
      ),
    ).toBe(false)
    expect(isDueForErasure({ status: 'completed' }, 30, now)).toBe(false)
  })

  it('lets an office shorten HQ retention but not lengthen it', () => {
    expect(checkOfficeRetention(null, 365)).toBeNull()
    expect(checkOfficeRetention(90, 365)).toBeNull()
    expect(checkOfficeRetention(365, 365)).toBeNull()
    expect(checkOfficeRetention(366, 365)).toMatchObject({
      code: 'retention_longer_than_hq',
      field: 'applicantRetentionDays',
    })
    expect(checkOfficeRetention(366, 365)?.message).toMatch(/365 日以内/)
    expect(retentionDaysFor(null, 365)).toBe(365)
    expect(retentionDaysFor(90, 365)).toBe(90)
    expect(retentionDaysFor(400, 365)).toBe(365)
  })
})
