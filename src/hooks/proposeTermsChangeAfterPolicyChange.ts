import type { CollectionAfterChangeHook } from 'payload'

import type { ReservationPolicy } from '../payload-types'
import { termsContext } from '../services/terms/context'
import { proposeEditionForPolicy } from '../services/terms/propose'

/**
 * A policy change that alters what the terms say proposes a draft edition and a draft notice;
 * nothing is published without an admin choosing the ground. Demo seeding composes its own.
 * A proposal that cannot be composed is logged, not thrown: the policy itself is valid and the
 * booking rules already follow it, and the admin sees no draft to publish.
 */
export const proposeTermsChangeAfterPolicyChange: CollectionAfterChangeHook<
  ReservationPolicy
> = async ({ doc, req }) => {
  if (termsContext(req).seeding) return doc
  try {
    const outcome = await proposeEditionForPolicy(req.payload, doc, req)
    if (outcome.status === 'proposed') {
      req.payload.logger.info(
        { policy: doc.id, edition: outcome.edition.id, notice: outcome.notice.id },
        'terms change proposed after a policy change',
      )
    } else if (outcome.status === 'skipped') {
      req.payload.logger.info(
        { policy: doc.id, reason: outcome.reason },
        'no terms change proposed',
      )
    }
  } catch (error) {
    req.payload.logger.warn(
      { err: error, policy: doc.id },
      'could not propose a terms edition for the policy',
    )
  }
  return doc
}
