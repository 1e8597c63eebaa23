import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { idOf } from '../lib/ids'
import { forgetOccupancy } from '../services/bookings/occupancy'

/** The public slot list reads a cache of seats held; a booking written here shows at once. */
export const forgetBookingOccupancyAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  const officeId = idOf(doc?.office)
  if (officeId !== null) forgetOccupancy(officeId)
  return doc
}

export const forgetBookingOccupancyAfterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  const officeId = idOf(doc?.office)
  if (officeId !== null) forgetOccupancy(officeId)
  return doc
}
