import type { Access, CollectionSlug } from 'payload'

import { roleOf } from './roles'

interface LockData {
  user?: { value?: unknown } | null
  document?: { relationTo?: unknown; value?: unknown } | null
}

function idOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return typeof value === 'number' || typeof value === 'string' ? String(value) : undefined
}

/**
 * A lock may be taken only in one's own name and on a document one may read, so nobody can
 * block another office's editors or pin a lock on a colleague.
 */
export const createOwnLockOnReadableDocument: Access = async ({ req, data }) => {
  const { user } = req
  if (!user || !roleOf(user)) return false
  const lock = (data ?? {}) as LockData
  if (idOf(lock.user?.value) !== String(user.id)) return false
  const document = lock.document
  if (!document) return roleOf(user) === 'hq-admin'
  const id = idOf(document.value)
  if (typeof document.relationTo !== 'string' || id === undefined) return false
  try {
    await req.payload.findByID({
      collection: document.relationTo as CollectionSlug,
      id,
      depth: 0,
      overrideAccess: false,
      user,
      req,
    })
    return true
  } catch {
    return false
  }
}
