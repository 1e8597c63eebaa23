import type { CollectionConfig } from 'payload'

import { auditChange } from '../../hooks/auditChange'

export const termsTemplatesHooks: CollectionConfig['hooks'] = { afterChange: [auditChange] }
