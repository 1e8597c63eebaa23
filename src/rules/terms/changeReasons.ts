/**
 * The reasons for a ground-2 terms change, as the factors 民法548条の4第1項第2号 weighs: whether
 * the change is reasonable in light of its necessity, the appropriateness of the new content,
 * whether the terms contain a change clause and what it says, and other circumstances (here the
 * users' disadvantage and how it is eased). A ground-2 change is published only with each factor
 * stated; free text alone does not show that each was considered.
 */
export type ChangeReasonFactor = 'necessity' | 'appropriateness' | 'changeClause' | 'disadvantage'

export type ChangeReasonFactors = Partial<Record<ChangeReasonFactor, string | null | undefined>>

const CHANGE_REASON_FACTORS: readonly ChangeReasonFactor[] = [
  'necessity',
  'appropriateness',
  'changeClause',
  'disadvantage',
]

/** Japanese: how each factor is named to the office. */
const CHANGE_REASON_LABELS: Record<ChangeReasonFactor, string> = {
  necessity: '変更の必要性',
  appropriateness: '変更後の内容の相当性',
  changeClause: '変更条項の有無及びその内容',
  disadvantage: '利用者の不利益の程度と緩和措置',
}

/** Japanese: the factors' names, in the law's order, for a message naming the missing ones. */
export function changeReasonFactorLabels(factors: readonly ChangeReasonFactor[]): string[] {
  return CHANGE_REASON_FACTORS.filter((factor) => factors.includes(factor)).map(
    (factor) => CHANGE_REASON_LABELS[factor],
  )
}

/** The factors not stated (blank counts as not stated), in the law's order. */
export function missingChangeReasonFactors(
  factors: ChangeReasonFactors | null | undefined,
): ChangeReasonFactor[] {
  return CHANGE_REASON_FACTORS.filter((factor) => !factors?.[factor]?.trim())
}

/** The factors as one text for the public notice, each under its name; blank factors left out. */
export function changeReasonsText(factors: ChangeReasonFactors | null | undefined): string {
  return CHANGE_REASON_FACTORS.filter((factor) => factors?.[factor]?.trim())
    .map((factor) => `【${CHANGE_REASON_LABELS[factor]}】${factors![factor]!.trim()}`)
    .join('\n')
}
