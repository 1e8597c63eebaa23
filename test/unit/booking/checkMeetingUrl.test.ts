import { describe, expect, it } from 'vitest'

import { checkMeetingUrl } from '../../../src/rules/booking/checkMeetingUrl'

describe('checkMeetingUrl', () => {
  it('accepts no URL, or an http(s) one', () => {
    for (const value of [undefined, null, '', 'https://zoom.us/j/123', 'http://example.jp/x']) {
      expect(checkMeetingUrl(value)).toBeNull()
    }
  })

  it('refuses other schemes, non-URLs, non-text and overlong URLs', () => {
    for (const value of [
      'javascript:alert(1)',
      'ftp://example.jp',
      'zoom.us/j/123',
      42,
      `https://example.jp/${'a'.repeat(2000)}`,
    ]) {
      expect(checkMeetingUrl(value)).toMatchObject({ code: 'invalid_field', field: 'meetingUrl' })
    }
  })
})
