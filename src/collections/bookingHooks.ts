import type { CollectionConfig } from 'payload'

import { auditChange } from '../hooks/auditChange'
import { enforceBookingRules } from '../hooks/enforceBookingRules'

export const bookingHooks: CollectionConfig['hooks'] = {
  beforeChange: [enforceBookingRules],
  afterChange: [auditChange],
}
