import type { Payload } from 'payload'

import { LoadingCache, PER_OFFICE_MAX } from '../../lib/loadingCache'
import { OFFICE_SLUG_PATTERN } from '../../rules/offices/officeSlug'

export interface PublicOffice {
  id: number | string
  slug: string
  name: string
  phone: string | null
  email: string | null
}

/**
 * Offices change a few times a year and a slug almost never; two seconds keeps the public read
 * paths off the database without any invalidation.
 */
const cache = new LoadingCache<PublicOffice | null>({ ttlMs: 2_000, max: PER_OFFICE_MAX })

export function officeBySlug(payload: Payload, slug: string): Promise<PublicOffice | null> {
  if (!OFFICE_SLUG_PATTERN.test(slug) || slug.length > 100) return Promise.resolve(null)
  return cache.get(slug, async () => {
    const { docs } = await payload.find({
      collection: 'offices',
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { slug: true, name: true, phone: true, email: true },
    })
    const office = docs[0]
    if (!office) return null
    return {
      id: office.id,
      slug: office.slug,
      name: office.name,
      phone: office.phone ?? null,
      email: office.email ?? null,
    }
  })
}

export async function officeById(
  payload: Payload,
  id: number | string,
): Promise<PublicOffice | null> {
  const office = await payload
    .findByID({ collection: 'offices', id, depth: 0, overrideAccess: true })
    .catch(() => null)
  if (!office) return null
  return {
    id: office.id,
    slug: office.slug,
    name: office.name,
    phone: office.phone ?? null,
    email: office.email ?? null,
  }
}
