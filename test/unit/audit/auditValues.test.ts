import { describe, expect, it } from 'vitest'

import { auditSnapshot, changedPersonalFields } from '../../../src/rules/audit/auditValues'

const booking = {
  id: 1,
  status: 'pending',
  confirmTokenHash: 'h',
  seatLock: 'x',
  applicant: {
    name: '秘密花子',
    email: 'hanako@applicant.test',
    phone: '090',
    jobSeekerNumber: '1',
  },
  eligibility: { mother: true },
}

describe('audit values', () => {
  it('keep no secret and no personal value', () => {
    const snapshot = auditSnapshot(booking)
    expect(snapshot).toEqual({ id: 1, status: 'pending' })
    expect(JSON.stringify(snapshot)).not.toMatch(/秘密|hanako|090/)
  })

  it('name the personal fields that changed, never their values', () => {
    const after = { ...booking, applicant: { ...booking.applicant, email: 'new@applicant.test' } }
    expect(changedPersonalFields(booking, after)).toEqual(['applicant.email'])
    expect(changedPersonalFields(null, booking)).toEqual([
      'applicant.email',
      'applicant.jobSeekerNumber',
      'applicant.name',
      'applicant.phone',
      'eligibility.mother',
    ])
    expect(changedPersonalFields(booking, booking)).toEqual([])
  })

  it('keep no applicant key and no free-text reason, only that they changed', () => {
    const before = {
      id: 2,
      status: 'confirmed',
      applicantKey: 'hmac-of-the-applicant',
      statusReason: null,
      statusHistory: [{ from: null, to: 'confirmed', reason: null }],
    }
    const after = {
      ...before,
      status: 'cancelled',
      applicantKey: 'hmac-rekeyed',
      statusReason: '山田様より電話、体調不良のため',
      statusHistory: [
        ...before.statusHistory,
        { from: 'confirmed', to: 'cancelled', reason: '山田様より電話、体調不良のため' },
      ],
    }
    const snapshot = auditSnapshot(after)
    expect(JSON.stringify(snapshot)).not.toMatch(/hmac|山田/)
    expect(snapshot).toEqual({
      id: 2,
      status: 'cancelled',
      statusHistory: [
        { from: null, to: 'confirmed' },
        { from: 'confirmed', to: 'cancelled' },
      ],
    })
    expect(changedPersonalFields(before, after)).toEqual([
      'applicantKey',
      'statusHistory.reason',
      'statusReason',
    ])
    expect(changedPersonalFields(after, after)).toEqual([])
  })
})
