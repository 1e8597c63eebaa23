import type { CollectionBeforeChangeHook } from 'payload'

/** Placeholder: computes changed articles; a published notice is immutable. */
export const guardChangeNotice: CollectionBeforeChangeHook = ({ data }) => data
