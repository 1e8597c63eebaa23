import type { CollectionBeforeChangeHook } from 'payload'

/** Placeholder: published editions are immutable; publishing checks references, overlap and notice. */
export const guardTermsEdition: CollectionBeforeChangeHook = ({ data }) => data
