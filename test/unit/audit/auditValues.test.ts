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
})
