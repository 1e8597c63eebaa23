import type { Access, CollectionSlug } from 'payload'

import { idOf } from '../lib/ids'
import { roleOf } from './roles'

interface LockData {
  user?: { value?: unknown } | null
  document?: { relationTo?: unknown; value?: unknown } | null
}

/**
 * A lock may be taken only in one's own name and on a document one may read, so nobody can
 * block another office's editors or pin a lock on a colleague.
 */
export const createOwnLockOnReadableDocument: Access = async ({ req, data }) => {
  const { user } = req
  if (!user || !roleOf(user)) return false
  const lock = (data ?? {}) as LockData
  const lockUser = idOf(lock.user?.value)
  if (lockUser === null || String(lockUser) !== String(user.id)) return false
  const document = lock.document
  if (!document) return roleOf(user) === 'hq-admin'
  const documentId = idOf(document.value)
  if (typeof document.relationTo !== 'string' || documentId === null) return false
  try {
    await req.payload.findByID({
      collection: document.relationTo as CollectionSlug,
      id: String(documentId),
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
