import type { CollectionConfig } from 'payload'

/**
 * The smallest useful Payload collection: one text field, no hooks. `npm run bench` times a bare
 * REST create on it as the yardstick for booking creation. Only the bench server (bench/serve.ts)
 * has it; anyone may create and read, which is why it never comes near the product.
 */
export const benchRecordsCollection: CollectionConfig = {
  slug: 'bench-records',
  admin: { hidden: true },
  access: { create: () => true, read: () => true, update: () => false, delete: () => false },
  fields: [{ name: 'value', type: 'text' }],
}
