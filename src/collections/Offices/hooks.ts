import type { CollectionConfig } from 'payload'

import { guardOfficeRetention } from '../../hooks/guardOfficeRetention'
import { proposeTermsChangeAfterOfficeChange } from '../../hooks/proposeTermsChangeAfterOfficeChange'

export const officesHooks: CollectionConfig['hooks'] = {
  beforeChange: [guardOfficeRetention],
  afterChange: [proposeTermsChangeAfterOfficeChange],
}
