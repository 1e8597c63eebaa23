import type { CollectionAfterChangeHook } from 'payload'

import { bookingsCreated } from '../services/metrics/metrics'

/** Counts every booking created, by channel (a fixed set), whichever path it came by. */
export const countCreatedBooking: CollectionAfterChangeHook = ({ doc, operation }) => {
  if (operation === 'create') bookingsCreated.inc({ channel: String(doc?.channel ?? 'unknown') })
  return doc
}
