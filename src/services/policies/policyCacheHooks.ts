import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { idOf } from '../../lib/ids'
import { forgetPoliciesForOffice } from './policiesForOffice'

/** A saved policy must govern bookings and listings at once, not after the cache's TTL. */
export const forgetCachedPoliciesAfterChange: CollectionAfterChangeHook = ({
  doc,
  previousDoc,
}) => {
  for (const office of [doc?.office, previousDoc?.office]) {
    const id = idOf(office)
    if (id !== null) forgetPoliciesForOffice(id)
  }
  return doc
}

export const forgetCachedPoliciesAfterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  const id = idOf(doc?.office)
  if (id !== null) forgetPoliciesForOffice(id)
  return doc
}
