import type { CollectionConfig } from 'payload'

import { auditChange } from '../../hooks/auditChange'
import { guardClosureBookings } from '../../hooks/guardClosureBookings'
import { guardGoverningPolicy, guardGoverningPolicyDelete } from '../../hooks/guardGoverningPolicy'
import { proposeTermsChangeAfterPolicyChange } from '../../hooks/proposeTermsChangeAfterPolicyChange'
import { validateReservationPolicy } from '../../hooks/validateReservationPolicy'
import {
  forgetCachedPoliciesAfterChange,
  forgetCachedPoliciesAfterDelete,
} from '../../services/policies/policyCacheHooks'

export const reservationPoliciesHooks: CollectionConfig['hooks'] = {
  beforeChange: [validateReservationPolicy, guardGoverningPolicy, guardClosureBookings],
  beforeDelete: [guardGoverningPolicyDelete],
  // The cache goes first: later hooks (terms proposals) may read the office's policies.
  afterChange: [forgetCachedPoliciesAfterChange, proposeTermsChangeAfterPolicyChange, auditChange],
  afterDelete: [forgetCachedPoliciesAfterDelete],
}
