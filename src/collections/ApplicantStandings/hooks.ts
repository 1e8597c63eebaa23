import type { CollectionConfig } from 'payload'

import { guardRefusalDecision, mailRefusalDecision } from '../../hooks/guardRefusalDecision'

export const applicantStandingsHooks: CollectionConfig['hooks'] = {
  beforeChange: [guardRefusalDecision],
  afterChange: [mailRefusalDecision],
}
