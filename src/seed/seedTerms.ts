import type { Payload } from 'payload'

import type { OfficeIds } from '.'

/** Placeholder: seeds the HQ template, one published edition per office and a pending change. */
export async function seedTerms(_payload: Payload, _officeIds: OfficeIds): Promise<void> {}
