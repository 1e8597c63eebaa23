import type { Payload } from 'payload'

import type { ImportResult } from '../../importer'
import { numberArticles } from './contentSchema'
import { tokyoToday } from '../../lib/tokyoTime'
import { nextEditionNumber } from './queries'

export class OfficeNotFoundError extends Error {}

export interface SavedImport {
  id: number | string
  number: number
  officeName: string
  officeSlug: string
  effectiveFrom: string
  /** No date was found in the document, so today's is set for the admin to correct. */
  effectiveFromGuessed: boolean
}

/** Saves an imported document as a DRAFT edition of the office, numbered after its last edition. */
export async function saveImportedDraft(
  payload: Payload,
  result: ImportResult,
  officeSlug: string,
): Promise<SavedImport> {
  const { docs } = await payload.find({
    collection: 'offices',
    where: { slug: { equals: officeSlug } },
    limit: 1,
    depth: 0,
  })
  const office = docs[0]
  if (!office) throw new OfficeNotFoundError(officeSlug)
  const effectiveFrom = result.effectiveFrom ?? tokyoToday()
  const number = await nextEditionNumber(payload, office.id)
  const edition = await payload.create({
    collection: 'terms-editions',
    data: {
      office: office.id,
      number,
      effectiveFrom,
      status: 'draft',
      content: numberArticles(result.document) as unknown as Record<string, unknown>,
    },
    context: { actor: 'cli:import-terms' },
  })
  return {
    id: edition.id,
    number,
    officeName: office.name,
    officeSlug: office.slug,
    effectiveFrom,
    effectiveFromGuessed: !result.effectiveFrom,
  }
}
