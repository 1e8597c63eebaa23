import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { validatePolicy } from '../rules/booking/validatePolicy'
import {
  docPathOfPolicyError,
  policyFromDoc,
  type ReservationPolicyDoc,
} from '../services/policies/policyFromDoc'

/**
 * Rejects an invalid policy with one field error per problem (400). A policy may not start in the
 * past when it is created, or when an update moves its effectiveFrom; re-saving an existing one
 * whose date has arrived is fine. Seeding (context.seeding) loads historical policies, so it
 * alone skips the not-in-the-past check.
 */
export const validateReservationPolicy: CollectionBeforeChangeHook = ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const merged = { ...(originalDoc ?? {}), ...data } as ReservationPolicyDoc
  const effectiveFromChanged =
    operation === 'create' ||
    (data.effectiveFrom !== undefined && data.effectiveFrom !== originalDoc?.effectiveFrom)
  const errors = validatePolicy(policyFromDoc(merged), {
    today: new Date(),
    isNew: effectiveFromChanged && req.context?.seeding !== true,
  })
  if (errors.length > 0) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: errors.map((error) => ({
          path: docPathOfPolicyError(error.path),
          message: req.i18n?.language === 'en' ? error.en : error.message,
        })),
      },
      req.t,
    )
  }
  return data
}
