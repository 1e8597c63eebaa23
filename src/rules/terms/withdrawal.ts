/**
 * Whether an announced change may be called off: only a published edition, only before it takes
 * effect (from then on it is the terms in force, and only a new change can undo it), and only
 * with a reason, which the withdrawal notice publishes.
 */
export interface WithdrawalProblem {
  code: 'withdrawal_not_announced' | 'withdrawal_too_late' | 'reasons_required'
  /** Japanese, for the office admin. */
  message: string
}

export function withdrawalProblem(input: {
  /** The edition's status: draft, published or withdrawn. */
  status: string
  effectiveFrom: string
  /** Today in JST (YYYY-MM-DD). */
  today: string
  reason: string | null | undefined
}): WithdrawalProblem | null {
  if (input.status !== 'published') {
    return {
      code: 'withdrawal_not_announced',
      message: '公開済みの版だけを取りやめることができます。',
    }
  }
  if (input.effectiveFrom <= input.today) {
    return {
      code: 'withdrawal_too_late',
      message:
        'この版は既に施行されています。施行後に元へ戻すには、新しい変更として公表してください。',
    }
  }
  if (!input.reason?.trim()) {
    return { code: 'reasons_required', message: '変更を取りやめる理由を記入してください。' }
  }
  return null
}
