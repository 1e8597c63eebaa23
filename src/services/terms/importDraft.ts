import { getPayload } from 'payload'

import { loadEnv } from '../../config/env'
import { kiyakuConfig } from '../../config/payloadConfig'
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

/**
 * Saves an imported document as a DRAFT edition of the office, numbered after its last edition.
 * Uses the config payload.config.ts exports, built from the same environment, except that a
 * one-off command never alters a live database's schema (a push may even stop to ask about data
 * loss): the server owns migrations.
 */
export async function saveImportedDraft(
  result: ImportResult,
  officeSlug: string,
): Promise<SavedImport> {
  const config = await kiyakuConfig({ ...loadEnv(), pushSchema: false, jobsAutoRun: false })
  const payload = await getPayload({ config, cron: false })
  try {
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
  } finally {
    await payload.destroy()
  }
}
