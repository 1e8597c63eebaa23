import type { Payload, PayloadRequest } from 'payload'

import type { ChangeNotice, TermsEdition } from '../../payload-types'
import { withdrawalProblem } from '../../rules/terms/withdrawal'
import { signalTermsChanged } from './changeSignal'
import { tokyoToday } from '../../lib/tokyoTime'
import { termsError } from './errors'
import { findEdition } from './queries'
import { idOf, type Id } from '../../lib/ids'

/**
 * Calls off an announced change before it takes effect: the published edition becomes
 * `withdrawn` (no longer served, no longer enforced, its date free again) and a withdrawal notice
 * of its own is published in the feed, with the reason. On or after the effective date the change
 * has taken effect, and only a new change can undo it.
 *
 * Everything is checked before anything is written. The edition goes first: a withdrawal notice
 * beside an edition still due to take effect would tell the public a change is off while it is
 * not. If the notice then cannot be written, the edition is published again, so a failed request
 * leaves the announced change as it was.
 */
export async function withdrawAnnouncedChange(
  payload: Payload,
  input: { editionId: Id; reason: string | null | undefined; req?: PayloadRequest },
): Promise<{ edition: TermsEdition; notice: ChangeNotice }> {
  const { editionId, req } = input
  const edition = await findEdition(payload, editionId, req)
  if (!edition || idOf(edition.office) === null) {
    throw termsError('edition_not_found', '指定された版が見つかりません。', 404)
  }
  const problem = withdrawalProblem({
    status: edition.status as string,
    effectiveFrom: edition.effectiveFrom,
    today: tokyoToday(),
    reason: input.reason,
  })
  if (problem) {
    throw termsError(problem.code, problem.message, problem.code === 'reasons_required' ? 422 : 409)
  }
  const reason = input.reason!.trim()

  const withdrawn = await payload.update({
    collection: 'terms-editions',
    id: edition.id,
    data: { status: 'withdrawn' } as unknown as Partial<TermsEdition>,
    depth: 0,
    req,
    context: { withdrawing: true },
  })
  let notice: ChangeNotice
  try {
    notice = await payload.create({
      collection: 'change-notices',
      data: {
        edition: edition.id,
        kind: 'withdrawal',
        ground: '1',
        reasons: reason,
        status: 'published',
        effectiveFrom: edition.effectiveFrom,
      } as unknown as ChangeNotice,
      depth: 0,
      req,
      context: { withdrawing: true },
    })
  } catch (error) {
    await payload.update({
      collection: 'terms-editions',
      id: edition.id,
      data: { status: 'published' },
      depth: 0,
      req,
      context: { withdrawing: false, revertWithdrawal: true },
    })
    throw error
  } finally {
    // The Local API merges context into a shared req; the flags must not outlive this call.
    if (req?.context) {
      delete (req.context as Record<string, unknown>).withdrawing
      delete (req.context as Record<string, unknown>).revertWithdrawal
    }
  }
  signalTermsChanged(payload)
  return { edition: withdrawn, notice }
}
