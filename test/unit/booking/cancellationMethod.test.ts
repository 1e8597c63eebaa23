import { describe, expect, it } from 'vitest'

import { cancellationMethod } from '../../../src/rules/booking/cancellationMethod'

describe('cancellationMethod', () => {
  it('takes the link and the system from trusted code, not from what was sent', () => {
    expect(cancellationMethod({ byStaff: false, via: 'link', requested: 'phone' })).toBe('link')
    expect(cancellationMethod({ byStaff: false, via: 'system', requested: 'phone' })).toBeNull()
  })

  it('has staff say whether the applicant phoned or mailed', () => {
    expect(cancellationMethod({ byStaff: true, requested: 'phone' })).toBe('phone')
    expect(cancellationMethod({ byStaff: true, requested: 'email' })).toBe('email')
    // A user cannot pass as the link or the system through the context.
    expect(cancellationMethod({ byStaff: true, via: 'link', requested: 'email' })).toBe('email')
  })

  it('refuses a missing or unknown method with cancelVia', () => {
    for (const requested of [undefined, null, '']) {
      expect(cancellationMethod({ byStaff: true, requested })).toMatchObject({
        code: 'missing_field',
        field: 'cancelVia',
      })
    }
    for (const requested of ['link', 'fax', 1]) {
      expect(cancellationMethod({ byStaff: true, requested })).toMatchObject({
        code: 'invalid_field',
        field: 'cancelVia',
      })
    }
    expect(cancellationMethod({ byStaff: false, requested: undefined })).toMatchObject({
      code: 'missing_field',
    })
  })
})
