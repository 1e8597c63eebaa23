import type { CollectionConfig } from 'payload'

import { proposeTermsChangeAfterPolicyChange } from '../hooks/proposeTermsChangeAfterPolicyChange'
import { guardClosureBookings } from '../hooks/guardClosureBookings'
import { guardGoverningPolicy, guardGoverningPolicyDelete } from '../hooks/guardGoverningPolicy'
import { validateReservationPolicy } from '../hooks/validateReservationPolicy'
import { auditChange } from '../hooks/auditChange'

export const policyHooks: CollectionConfig['hooks'] = {
  beforeChange: [validateReservationPolicy, guardGoverningPolicy, guardClosureBookings],
  beforeDelete: [guardGoverningPolicyDelete],
  afterChange: [proposeTermsChangeAfterPolicyChange, auditChange],
}
