import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { checkPolicyEdit, type PolicyEditViolation } from '../rules/booking/checkPolicyEdit'
import { idOf } from '../lib/ids'
import { editionsPrintingPolicy } from '../services/policies/governedEditions'
import { policyFromDoc, type ReservationPolicyDoc } from '../services/policies/policyFromDoc'
import { termsError } from '../services/terms/errors'

function refuse(found: PolicyEditViolation): never {
  throw termsError(found.code, found.message, 409, { fields: found.fields })
}

async function printedBy(
  req: PayloadRequest,
  doc: ReservationPolicyDoc & { id?: unknown; office?: unknown },
) {
  const officeId = idOf(doc.office)
  const id = idOf(doc.id)
  if (officeId === null || id === null) return []
  return editionsPrintingPolicy(req, officeId, id)
}

/** 409 policy_governs_terms when an edit changes what published terms print (see checkPolicyEdit). */
export const guardGoverningPolicy: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc) return data
  const before = policyFromDoc(originalDoc as ReservationPolicyDoc)
  const after = policyFromDoc({ ...originalDoc, ...data } as ReservationPolicyDoc)
  // Cheap check first: an operational edit needs no query.
  if (!checkPolicyEdit({ governedEditionNumbers: [0], before, after })) return data
  const found = checkPolicyEdit({
    governedEditionNumbers: await printedBy(req, originalDoc),
    before,
    after,
  })
  if (found) refuse(found)
  return data
}

export const guardGoverningPolicyDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload
    .findByID({ collection: 'reservation-policies', id, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!doc) return
  const before = policyFromDoc(doc as unknown as ReservationPolicyDoc)
  const found = checkPolicyEdit({
    governedEditionNumbers: await printedBy(
      req,
      doc as unknown as ReservationPolicyDoc & { id: unknown },
    ),
    before,
    after: null,
  })
  if (found) refuse(found)
}
