import type { SanitizedConfig } from 'payload'

import { createOwnLockOnReadableDocument } from '../access/createOwnLockOnReadableDocument'
import { hqOrLocksOfOwnOffices } from '../access/hqOrLocksOfOwnOffices'

const nobody = () => false

/**
 * Payload adds its own collections while sanitising the config, after plugins run, with
 * "any logged-in user" access on document locks and migrations. Tenancy holds there too:
 * locks are seen and changed within an office (HQ everywhere), migrations by nobody through
 * the API. Preferences are already per user and jobs closed to everyone; both are left as they
 * are and covered by the access test.
 */
export function restrictPayloadCollections(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (collection.slug === 'payload-locked-documents') {
      collection.access.read = hqOrLocksOfOwnOffices
      collection.access.update = hqOrLocksOfOwnOffices
      collection.access.delete = hqOrLocksOfOwnOffices
      collection.access.create = createOwnLockOnReadableDocument
    }
    if (collection.slug === 'payload-migrations') {
      collection.access.read = nobody
      collection.access.create = nobody
      collection.access.update = nobody
      collection.access.delete = nobody
    }
  }
  return config
}
