import { refusalMessagesEn, ruleMessageTexts } from './booking/messages'
import type { RuleCode } from './booking/types'
import { termsErrorMessagesEn } from './terms/messages'

/**
 * The English for a refusal's code (booking rules, terms operations, the rest), or undefined for
 * a code we do not know. What the admin in English is shown in place of the Japanese message.
 */
export function englishForCode(code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined
  if (Object.hasOwn(ruleMessageTexts, code)) return ruleMessageTexts[code as RuleCode].en
  if (Object.hasOwn(termsErrorMessagesEn, code))
    return termsErrorMessagesEn[code as keyof typeof termsErrorMessagesEn]
  return Object.hasOwn(refusalMessagesEn, code) ? refusalMessagesEn[code] : undefined
}
