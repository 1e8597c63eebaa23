import type { CollectionBeforeChangeHook } from 'payload'

/** Placeholder: rejects invalid policies with field errors (src/rules/booking/validatePolicy). */
export const validateReservationPolicy: CollectionBeforeChangeHook = ({ data }) => data
