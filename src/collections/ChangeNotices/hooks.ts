import type { CollectionConfig } from 'payload'

import { auditChange } from '../../hooks/auditChange'
import { guardChangeNotice, guardChangeNoticeDelete } from '../../hooks/guardChangeNotice'
import {
  signalTermsChangeAfterChange,
  signalTermsChangeAfterDelete,
} from '../../hooks/signalTermsChange'

export const changeNoticesHooks: CollectionConfig['hooks'] = {
  beforeChange: [guardChangeNotice],
  beforeDelete: [guardChangeNoticeDelete],
  afterChange: [auditChange, signalTermsChangeAfterChange],
  afterDelete: [signalTermsChangeAfterDelete],
}
