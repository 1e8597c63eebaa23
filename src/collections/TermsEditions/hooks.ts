import type { CollectionConfig } from 'payload'

import { auditChange } from '../../hooks/auditChange'
import { guardTermsEdition, guardTermsEditionDelete } from '../../hooks/guardTermsEdition'
import { mailTermsChangeAfterPublish } from '../../hooks/mailTermsChange'
import {
  signalTermsChangeAfterChange,
  signalTermsChangeAfterDelete,
} from '../../hooks/signalTermsChange'

export const termsEditionsHooks: CollectionConfig['hooks'] = {
  beforeChange: [guardTermsEdition],
  beforeDelete: [guardTermsEditionDelete],
  afterChange: [auditChange, signalTermsChangeAfterChange, mailTermsChangeAfterPublish],
  afterDelete: [signalTermsChangeAfterDelete],
}
