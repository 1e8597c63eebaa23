import type { CollectionBeforeChangeHook } from 'payload'

/** Placeholder: runs src/rules/booking on every create and on every change of slot or status. */
export const enforceBookingRules: CollectionBeforeChangeHook = ({ data }) => data
