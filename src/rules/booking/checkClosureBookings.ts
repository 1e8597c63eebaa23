/**
 * Closing a day that has bookings: the office must say what becomes of them (cancel them with a
 * mail to each applicant, or keep them), so that no booking is ever dropped silently. This holds
 * for every way a closure is added: the admin's calendar, a PATCH of the policy, the admin form.
 */
export type ClosureBookingsDecision = 'cancel' | 'keep'

export interface ClosureBookingsViolation {
  code: 'closure_has_bookings'
  /** Japanese, for the office admin. */
  message: string
  /** Active bookings on the newly closed days. */
  bookings: number
  /** The newly closed days that have bookings. */
  dates: string[]
}

/** The closure dates in `after` that `before` does not have, in date order. */
export function addedClosureDates(before: readonly string[], after: readonly string[]): string[] {
  const had = new Set(before)
  return [...new Set(after)].filter((date) => !had.has(date)).sort()
}

/**
 * closure_has_bookings when a newly closed day has active bookings and no decision was given.
 * `bookingsByDate` counts the active bookings on each newly closed day.
 */
export function checkClosureBookings(input: {
  bookingsByDate: Readonly<Record<string, number>>
  decision: ClosureBookingsDecision | undefined
}): ClosureBookingsViolation | null {
  if (input.decision !== undefined) return null
  const dates = Object.keys(input.bookingsByDate)
    .filter((date) => (input.bookingsByDate[date] ?? 0) > 0)
    .sort()
  if (dates.length === 0) return null
  const bookings = dates.reduce((sum, date) => sum + input.bookingsByDate[date]!, 0)
  const where = dates.length === 1 ? dates[0]! : `休業日にする日（${dates.join('、')}）`
  return {
    code: 'closure_has_bookings',
    message:
      `${where}には予約が${bookings}件あります。` +
      '休業日カレンダーから、予約をキャンセルして申込者にお知らせするか、予約を残すかを選んでください。',
    bookings,
    dates,
  }
}
