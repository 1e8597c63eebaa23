import { createHash } from 'node:crypto'
import { ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import { bookingCalendarEvent } from '../../../src/mail/bookingCalendar'
import { formatSlot } from '../../../src/mail/bookingMails'
import { validatePolicy } from '../../../src/rules/booking/validatePolicy'
import { applicantKeys, useApplicantKeySecret } from '../../../src/services/bookings/applicantKey'
import { isSeatLockConflict } from '../../../src/services/bookings/errors'
import {
  hashLinkToken,
  looksLikeLinkToken,
  newLinkToken,
} from '../../../src/services/bookings/tokens'
import { LoadingCache } from '../../../src/lib/loadingCache'
import {
  docFromPolicy,
  docPathOfPolicyError,
  policyFromDoc,
} from '../../../src/services/policies/policyFromDoc'
import { demoPolicies } from '../../../src/seed/policies'

// The server-free parts of the booking services (no database needed).

describe('policyFromDoc', () => {
  it('reads back exactly what docFromPolicy stores, for both demo policies', () => {
    for (const policy of Object.values(demoPolicies)) {
      expect(policyFromDoc(docFromPolicy(policy))).toEqual(policy)
    }
  })

  it('maps the stored shapes (weekday strings, statement rows, closure rows, empty same-day list)', () => {
    const policy = policyFromDoc({
      ...docFromPolicy(demoPolicies.isesaki),
      windows: [{ weekday: '3', start: '10:00', end: '12:00' }],
      closures: [{ date: '2026-12-01', reason: '点検' }],
      eligibility: [{ statementId: 'registered', text: '登録済み' }],
    })
    expect(policy.windows).toEqual([{ weekday: 3, start: '10:00', end: '12:00' }])
    expect(policy.closures).toEqual(['2026-12-01'])
    expect(policy.eligibility).toEqual([{ id: 'registered', text: '登録済み' }])
    expect(policy.channels[0]!.sameDayCancelBy).toBeUndefined()
  })

  it('gives validatePolicy paths in the collection vocabulary', () => {
    const policy = policyFromDoc({
      ...docFromPolicy(demoPolicies.isesaki),
      eligibility: [{ statementId: 'bad id!', text: 'x' }],
      closures: [{ date: '2026-13-40' }],
    })
    const paths = validatePolicy(policy, { today: '2026-01-01', isNew: false }).map((error) =>
      docPathOfPolicyError(error.path),
    )
    expect(paths).toEqual(['closures.0.date', 'eligibility.0.statementId'])
  })
})

describe('LoadingCache', () => {
  it('shares a load, keeps it for the TTL, and forgets on demand', async () => {
    const cache = new LoadingCache<number>({ ttlMs: 1_000, max: 10 })
    let loads = 0
    const load = async () => ++loads
    const [a, b] = await Promise.all([cache.get('x', load, 0), cache.get('x', load, 0)])
    expect([a, b, loads]).toEqual([1, 1, 1])
    expect(await cache.get('x', load, 999)).toBe(1)
    expect(await cache.get('x', load, 1_000)).toBe(2)
    cache.forget('x')
    expect(await cache.get('x', load, 1_001)).toBe(3)
  })

  it('does not keep a failed load', async () => {
    const cache = new LoadingCache<number>({ ttlMs: 1_000, max: 10 })
    await expect(cache.get('x', () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down')
    expect(await cache.get('x', async () => 7, 1)).toBe(7)
  })
})

describe('link tokens and applicant keys', () => {
  it('are random, URL-safe, stored only as SHA-256', () => {
    const { token, hash } = newLinkToken()
    expect(looksLikeLinkToken(token)).toBe(true)
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    // Independent of the code under test: SHA-256 hex of the token's UTF-8 bytes, by node:crypto
    // and by a published vector (FIPS 180-2, "abc").
    expect(hash).toBe(createHash('sha256').update(Buffer.from(token, 'utf8')).digest('hex'))
    expect(hashLinkToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(hash).not.toContain(token)
    expect(newLinkToken().token).not.toBe(token)
    expect(looksLikeLinkToken('short')).toBe(false)
  })

  it('keys an applicant per office by job-seeker number and email, never in clear', () => {
    // Keys are an HMAC under the server key, which a start sets; this test starts no server.
    useApplicantKeySecret('services-test-secret')
    const keys = applicantKeys(1, { email: 'Hanako@Example.test', jobSeekerNumber: '12345-678' })
    expect(keys).toHaveLength(2)
    expect(keys.join()).not.toMatch(/hanako|12345/i)
    expect(applicantKeys(1, { email: 'hanako@example.test' })).toEqual([keys[1]])
    expect(applicantKeys(2, { email: 'hanako@example.test' })[0]).not.toBe(keys[1])
  })
})

describe('mail times', () => {
  it('are Asia/Tokyo whatever the process time zone', () => {
    const slotStart = new Date('2026-12-01T01:00:00Z')
    const slotEnd = new Date('2026-12-01T01:30:00Z')
    expect(formatSlot({ slotStart, slotEnd })).toBe('2026年12月1日（火）10:00〜10:30')
    const ics = bookingCalendarEvent({
      reference: 'KY-TEST-0001',
      slotStart,
      slotEnd,
      title: '相談',
      description: '予約番号: KY-TEST-0001',
    })
    expect(ics).toContain('DTSTART;TZID=Asia/Tokyo:20261201T100000')
    expect(ics).toContain('DTEND;TZID=Asia/Tokyo:20261201T103000')
    expect(ics).toContain('UID:KY-TEST-0001')
    expect(ics.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'))
  })
})

describe('isSeatLockConflict', () => {
  const unique = (path: string) =>
    new ValidationError({
      collection: 'bookings',
      errors: [{ path, message: 'Value must be unique' }],
    })
  it('recognises the unique seatLock index, named or not', () => {
    expect(isSeatLockConflict(unique('seatLock'))).toBe(true)
    expect(isSeatLockConflict(unique('seat_lock'))).toBe(true)
    expect(isSeatLockConflict(unique(''))).toBe(true)
    expect(isSeatLockConflict(unique('applicant.email'))).toBe(false)
    expect(isSeatLockConflict(new Error('seatLock'))).toBe(false)
  })
})
