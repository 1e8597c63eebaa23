import type { Payload, PayloadRequest } from 'payload'

import type { ChangeNotice, TermsEdition } from '../../payload-types'
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
  if (edition.status !== 'published') {
    throw termsError(
      'withdrawal_not_announced',
      '公開済みの版だけを取りやめることができます。',
      409,
    )
  }
  if (edition.effectiveFrom <= tokyoToday()) {
    throw termsError(
      'withdrawal_too_late',
      'この版は既に施行されています。施行後に元へ戻すには、新しい変更として公表してください。',
      409,
    )
  }
  const reason = input.reason?.trim()
  if (!reason) {
    throw termsError('reasons_required', '変更を取りやめる理由を記入してください。', 422)
  }
  const context = { ...(req?.context ?? {}), withdrawing: true }
  const withdrawn = await payload.update({
    collection: 'terms-editions',
    id: edition.id,
    data: { status: 'withdrawn' } as unknown as Partial<TermsEdition>,
    depth: 0,
    req,
    context,
  })
  const notice = await payload.create({
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
    context,
  })
  signalTermsChanged(payload)
  return { edition: withdrawn, notice }
}
