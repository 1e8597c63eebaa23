import { violation } from './messages'
import type { RuleViolation } from './types'

/** A meeting URL staff paste in: http(s) only, so the mail never carries another scheme. */
export function checkMeetingUrl(value: unknown): RuleViolation | null {
  if (value === undefined || value === null || value === '') return null
  if (typeof value === 'string' && value.length <= 2000) {
    try {
      const url = new URL(value)
      if (url.protocol === 'https:' || url.protocol === 'http:') return null
    } catch {
      // reported below
    }
  }
  return violation('invalid_field', {
    field: 'meetingUrl',
    message: '接続URLは http:// または https:// で始まるURLを入力してください。',
  })
}
