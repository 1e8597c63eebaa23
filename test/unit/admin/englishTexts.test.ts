import { describe, expect, it } from 'vitest'

import { adminText } from '../../../src/admin/shared/text'
import { fieldMessage, fieldMessages } from '../../../src/collections/i18n'
import {
  inLanguage,
  policyMessageFormats,
  policyMessages,
  refusalMessagesEn,
  ruleMessages,
  ruleMessageTexts,
} from '../../../src/rules/booking/messages'
import { validatePolicy } from '../../../src/rules/booking/validatePolicy'
import type { RuleCode } from '../../../src/rules/booking/types'
import { englishForCode } from '../../../src/rules/messages'
import { termsErrorMessagesEn } from '../../../src/rules/terms/messages'
import { compareTerms, composeTerms, renderCompareHtml } from '../../../src/rules/terms'
import { office, smallTemplate, twoChannelPolicy } from '../terms/fixtures'

// Kana, kanji and full-width forms: none may appear in an English text.
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/

/** Every rule code; a new code that is not listed here fails the first test. */
const RULE_CODES: RuleCode[] = [
  'outside_hours',
  'closed_day',
  'lead_time',
  'booking_window',
  'channel_not_offered',
  'missing_field',
  'invalid_field',
  'terms_not_current',
  'not_accepted',
  'invalid_transition',
  'slot_full',
  'booking_changed',
  'too_many_open_bookings',
]

/** Every string an admin text gives, functions called with sample arguments. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (typeof value === 'function')
    return strings(
      (value as (...args: unknown[]) => unknown)(...Array(value.length).fill('2026-03')),
      path,
    )
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}.${index}`))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`))
  return []
}

describe('English beside every Japanese message', () => {
  it('every rule code has a Japanese and an English message, and the English has no Japanese', () => {
    expect(Object.keys(ruleMessageTexts).sort()).toEqual([...RULE_CODES].sort())
    for (const code of RULE_CODES) {
      const { ja, en } = ruleMessageTexts[code]
      expect(ja, code).toMatch(JAPANESE)
      expect(en, code).toMatch(/\w/)
      expect(en, code).not.toMatch(JAPANESE)
      expect(ruleMessages[code]).toBe(ja)
      expect(inLanguage(ruleMessageTexts[code], 'en')).toBe(en)
      expect(inLanguage(ruleMessageTexts[code], 'ja')).toBe(ja)
      expect(inLanguage(ruleMessageTexts[code], undefined)).toBe(ja)
    }
  })

  it('every policy validation message has both, and validatePolicy reports both', () => {
    const all = [
      ...Object.values(policyMessages),
      policyMessageFormats.windowIndivisible(30),
      policyMessageFormats.windowsOverlap(2),
    ]
    for (const { ja, en } of all) {
      expect(ja).toMatch(JAPANESE)
      expect(en).not.toMatch(JAPANESE)
    }
    const errors = validatePolicy(
      {
        ...twoChannelPolicy(),
        effectiveFrom: 'soon',
        windows: [{ weekday: 1, start: '12:00', end: '10:00' }],
        court: '',
      },
      { today: '2026-01-01' },
    )
    expect(errors.length).toBeGreaterThanOrEqual(3)
    for (const error of errors) {
      expect(error.message, error.path).toMatch(JAPANESE)
      expect(error.en, error.path).toMatch(/\w/)
      expect(error.en, error.path).not.toMatch(JAPANESE)
    }
  })

  it('the English for terms and other refusal codes has no Japanese', () => {
    for (const [code, en] of [
      ...Object.entries(termsErrorMessagesEn),
      ...Object.entries(refusalMessagesEn),
    ]) {
      expect(en, code).toMatch(/\w/)
      expect(en, code).not.toMatch(JAPANESE)
      expect(englishForCode(code), code).toBeDefined()
    }
    for (const code of RULE_CODES) expect(englishForCode(code)).toBe(ruleMessageTexts[code].en)
    expect(englishForCode('policy_governs_terms')).toBe(termsErrorMessagesEn.policy_governs_terms)
    expect(englishForCode('no_such_code')).toBeUndefined()
    expect(englishForCode(undefined)).toBeUndefined()
  })

  it('our fields’ validation messages have both, chosen by the language of the request', () => {
    for (const [name, message] of Object.entries(fieldMessages)) {
      expect(message.ja, name).toMatch(JAPANESE)
      expect(message.en, name).not.toMatch(JAPANESE)
      expect(fieldMessage(message, { req: { i18n: { language: 'en' } } })).toBe(message.en)
      expect(fieldMessage(message, { req: { i18n: { language: 'ja' } } })).toBe(message.ja)
      expect(fieldMessage(message, undefined)).toBe(message.ja)
    }
  })

  it('the admin views have every text in English, with no Japanese in it', () => {
    const ja = strings(adminText('ja'))
    const en = strings(adminText('en'))
    expect(en.map(([path]) => path)).toEqual(ja.map(([path]) => path))
    for (const [path, text] of en) expect(text, path).not.toMatch(JAPANESE)
    expect(adminText(undefined)).toBe(adminText('ja'))
  })

  it('the comparison table speaks the admin language around the Japanese articles', () => {
    const edition = (court: string) =>
      composeTerms({
        template: smallTemplate(),
        office,
        policy: twoChannelPolicy({ court }),
        overrides: [],
      })
    const rows = compareTerms(edition('福岡地方裁判所'), edition('東京地方裁判所'))
    const options = { officeName: 'Office', fromLabel: 'Edition 1', toLabel: 'Proposal' }
    const english = renderCompareHtml(rows, { ...options, standalone: false, language: 'en' })
    const japanese = renderCompareHtml(rows, { ...options, standalone: false })
    expect(japanese).toContain('新旧対照表')
    expect(english).not.toContain('新旧対照表')
    // Outside the rows, which quote the Japanese terms, the table is all English.
    const chrome = english.replace(/<tr class="kiyaku-row-[^"]*" lang="ja">[\s\S]*?<\/tr>/g, '')
    expect(chrome).toContain('<th scope="col">Article</th>')
    expect(chrome).not.toMatch(JAPANESE)
  })
})
