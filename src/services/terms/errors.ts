import { APIError } from 'payload'

import type { TermsErrorCode } from '../../rules/terms/errorCodes'
import type { PublishProblem } from './publishChecks'

export type { TermsErrorCode }

export interface TermsErrorData {
  code: TermsErrorCode
  [key: string]: unknown
}

/** A public APIError: Payload shows the message and the data (with the code) to the client. */
export function termsError(
  code: TermsErrorCode,
  message: string,
  status = 422,
  extra: Record<string, unknown> = {},
): APIError<TermsErrorData> {
  return new APIError<TermsErrorData>(message, status, { code, ...extra }, true)
}

/** Refuses with every problem at once: the first one's code, all messages, and the list in data. */
export function throwProblems(problems: readonly PublishProblem[]): void {
  const [first] = problems
  if (!first) return
  throw termsError(first.code, problems.map((p) => p.message).join('\n'), 422, {
    problems: problems.map(({ code, message }) => ({ code, message })),
  })
}
