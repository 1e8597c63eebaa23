import type { Payload } from 'payload'

import type { OfficeIds } from '.'

/** Placeholder: seeds src/seed/policies.ts demoPolicies for both offices. */
export async function seedPolicies(_payload: Payload, _officeIds: OfficeIds): Promise<void> {}
