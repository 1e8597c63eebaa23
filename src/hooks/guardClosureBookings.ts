import type { CollectionBeforeChangeHook } from 'payload'

import { addedClosureDates } from '../rules/booking/checkClosureBookings'
import { idOf } from '../lib/ids'
import { bookingsOnClosingDays, closureDecisionOf } from '../services/policies/closures'

type ClosureRows = { date?: string | null }[] | null | undefined

const datesOf = (rows: ClosureRows): string[] =>
  (rows ?? []).map((row) => row.date).filter((date): date is string => typeof date === 'string')

/**
 * 409 closure_has_bookings when a save adds a closure on a day that has bookings, unless the
 * office has said what becomes of them (the calendar's endpoint passes that decision). Every way
 * of saving a policy goes through here: the calendar, a REST PATCH, the admin form.
 */
export const guardClosureBookings: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (data.closures === undefined) return data
  const added = addedClosureDates(
    operation === 'update' ? datesOf(originalDoc?.closures as ClosureRows) : [],
    datesOf(data.closures as ClosureRows),
  )
  if (added.length === 0) return data
  const officeId = idOf(data.office ?? originalDoc?.office)
  if (officeId === null) return data
  await bookingsOnClosingDays(req, officeId, added, closureDecisionOf(req))
  return data
}
