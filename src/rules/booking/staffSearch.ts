import { normaliseEmail, normaliseJobSeekerNumber, normaliseText } from './normaliseApplicant'

/** What staff typed in the booking search, read as each kind of key it could be. */
export interface StaffSearchTerms {
  /** A booking reference in its stored form ("KY-7F3Q-9M2X"). */
  reference: string | null
  /** A 求職番号 in its stored form ("12345-6789012"). */
  jobSeekerNumber: string | null
  /** An e-mail address in its stored form. */
  email: string | null
  /** The words of a name; a booking matches when its name contains every one. */
  nameWords: string[]
}

const STAFF_SEARCH_MIN_LENGTH = 2
export const STAFF_SEARCH_MAX_LENGTH = 100

const REFERENCE = /^KY-?([0-9A-Z]{4})-?([0-9A-Z]{4})$/

/**
 * Staff look a booking up by reference, 求職番号, e-mail or name with one box. Keys match
 * exactly in their stored form (folded as the booking rules fold them when a booking is made);
 * a name matches by its words: 「山田 花子」 or 「山田」 finds 「山田\u3000花子」 (ideographic space). Returns null when
 * the text is too short or not searchable.
 */
export function staffSearchTerms(query: string): StaffSearchTerms | null {
  const text = normaliseText(query, STAFF_SEARCH_MAX_LENGTH)
  if (text === null || [...text].length < STAFF_SEARCH_MIN_LENGTH) return null
  const compact = text.normalize('NFKC').toUpperCase().replace(/\s+/g, '')
  const reference = REFERENCE.exec(compact)
  const email = normaliseEmail(text)
  return {
    reference: reference ? `KY-${reference[1]}-${reference[2]}` : null,
    jobSeekerNumber: normaliseJobSeekerNumber(text),
    email,
    nameWords: reference || email ? [] : text.split(/[\s\u3000]+/).filter(Boolean),
  }
}
