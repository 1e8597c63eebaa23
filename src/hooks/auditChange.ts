import type { CollectionAfterChangeHook } from 'payload'

const SECRET_FIELDS = new Set([
  'confirmTokenHash',
  'cancelTokenHash',
  'seatLock',
  'password',
  'hash',
  'salt',
])

function withoutSecrets(doc: unknown): unknown {
  if (!doc || typeof doc !== 'object') return doc ?? null
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !SECRET_FIELDS.has(key)))
}

function officeOf(doc: Record<string, unknown>): string | undefined {
  const office = doc.office
  if (office && typeof office === 'object') return String((office as { id: unknown }).id)
  return office === undefined || office === null ? undefined : String(office)
}

/**
 * Every publish, policy change and booking status change records actor, time, before and after.
 * Written with the request so it shares the request's transaction where there is one.
 */
export const auditChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const actor = req.user
    ? `${req.user.collection}:${req.user.id}`
    : ((req.context?.actor as string | undefined) ?? 'public')
  // Straight to the adapter: the entry is built here in full, and the collection has no hooks or
  // field rules to run, so Payload's create operation would only add work to every write.
  await req.payload.db.create({
    collection: 'audit-log',
    req,
    returning: false,
    data: {
      at: new Date().toISOString(),
      action: `${collection.slug}.${operation}${typeof req.context?.auditAction === 'string' ? `:${req.context.auditAction}` : ''}`,
      collectionSlug: collection.slug,
      documentId: String(doc.id),
      office: officeOf(doc),
      actor,
      before:
        operation === 'create' ? null : (withoutSecrets(previousDoc) as Record<string, unknown>),
      after: withoutSecrets(doc) as Record<string, unknown>,
    },
  })
  return doc
}
