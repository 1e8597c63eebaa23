import type { CollectionConfig } from 'payload'

/**
 * The smallest useful Payload collection: one text field, no hooks. `npm run bench` times a bare
 * REST create on it as the yardstick for booking creation. It exists only when KIYAKU_BENCH=on
 * (see payloadConfig.ts), and even then its create and read stay closed unless bench mode is on.
 */
export function benchRecordsCollection({ benchMode }: { benchMode: boolean }): CollectionConfig {
  const openInBenchMode = () => benchMode
  const nobody = () => false
  return {
    slug: 'bench-records',
    admin: { hidden: true },
    access: { create: openInBenchMode, read: openInBenchMode, update: nobody, delete: nobody },
    fields: [{ name: 'value', type: 'text' }],
  }
}
