import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { bilingual } from '../i18n'

/**
 * One row per counted request of a rate limit that must hold across server processes (wrong
 * link tokens per address). The address is stored only as a keyed hash inside `bucket`
 * ("limit|hash"); rows older than the (sliding) window are removed as new ones arrive.
 */
export const AddressHits: CollectionConfig = {
  slug: 'address-hits',
  labels: {
    singular: bilingual('アクセス記録', 'Address hit'),
    plural: bilingual('アクセス記録', 'Address hits'),
  },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'bucket', type: 'text', required: true, index: true },
    { name: 'at', type: 'date', required: true, index: true },
  ],
}
