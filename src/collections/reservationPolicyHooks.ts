import type { CollectionConfig } from 'payload'

import { proposeTermsChangeAfterPolicyChange } from '../hooks/proposeTermsChangeAfterPolicyChange'
import { validateReservationPolicy } from '../hooks/validateReservationPolicy'
import { auditChange } from '../hooks/auditChange'

export const policyHooks: CollectionConfig['hooks'] = {
  beforeChange: [validateReservationPolicy],
  afterChange: [proposeTermsChangeAfterPolicyChange, auditChange],
}
