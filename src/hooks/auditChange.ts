import type { CollectionAfterChangeHook } from 'payload'

import { auditSnapshot, changedPersonalFields } from '../rules/audit/auditValues'

function officeOf(doc: Record<string, unknown>): string | undefined {
  const office = doc.office
  if (office && typeof office === 'object') return String((office as { id: unknown }).id)
  return office === undefined || office === null ? undefined : String(office)
}

function withChangedFields(
  snapshot: Record<string, unknown> | null,
  changed: string[],
): Record<string, unknown> | null {
  if (!snapshot || changed.length === 0) return snapshot
  return { ...snapshot, personalFieldsChanged: changed }
}

/**
 * Every publish, policy change and booking status change records actor, time, before and after,
 * without secrets and without applicant values.
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
      before: operation === 'create' ? null : auditSnapshot(previousDoc),
      // Which applicant fields changed, never their values (src/rules/audit/auditValues.ts).
      after: withChangedFields(
        auditSnapshot(doc),
        changedPersonalFields(operation === 'create' ? null : previousDoc, doc),
      ),
    },
  })
  return doc
}
