import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { signalTermsChanged } from '../services/terms/changeSignal'

/**
 * After an edition or notice changes, this process's public terms responses are dropped at once;
 * other processes on the same database follow within the cache TTL.
 */
export const signalTermsChangeAfterChange: CollectionAfterChangeHook = ({ doc, req }) => {
  signalTermsChanged(req.payload)
  return doc
}

export const signalTermsChangeAfterDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  signalTermsChanged(req.payload)
  return doc
}
