import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import type { ChangeReasonFactors } from '../../rules/terms/changeReasons'
import { adminText } from '../shared/text'
import { formatEraDay } from '../../lib/tokyoTime'
import { policyTermsState } from './proposal'
import { ScheduleTermsChangeForm } from './ScheduleTermsChangeForm'

/**
 * The 利用規約への反映 tab of a reservation policy: the terms edition its last save proposed, as a
 * 新旧対照表, and the form that schedules it (ground, reasons, effective date).
 */
export async function TermsChangeView({ doc, initPageResult }: DocumentViewServerProps) {
  const { req } = initPageResult
  const text = adminText(req.i18n.language)
  const language = req.i18n.language
  const policyId = doc?.id as number | string | undefined
  const state =
    policyId === undefined
      ? null
      : await policyTermsState(req.payload, req.user, policyId, language)

  return (
    <Gutter className="kiyaku-proposal">
      <h2>{text.policy.proposalTitle}</h2>
      {!state || state.kind === 'forbidden' || state.kind === 'not-found' ? (
        <p className="kiyaku-error" role="alert">
          {text.policy.unavailable}
        </p>
      ) : state.kind === 'unchanged' ? (
        <p className="kiyaku-success" role="status">
          {text.policy.noChange}
        </p>
      ) : state.kind === 'scheduled' ? (
        <p className="kiyaku-success" role="status">
          {text.policy.alreadyScheduled(formatEraDay(state.edition.effectiveFrom, language))}
        </p>
      ) : (
        <>
          <p>{text.policy.proposalIntro}</p>
          <div
            className="kiyaku-proposal__compare"
            // Rendered by renderCompareHtml from stored edition content; it escapes every text.
            dangerouslySetInnerHTML={{ __html: state.compareHtml }}
          />
          <ScheduleTermsChangeForm
            policyId={state.policy.id}
            effectiveFrom={state.policy.effectiveFrom}
            ground={state.notice?.ground ?? '2'}
            reasons={state.notice?.reasons ?? ''}
            reasonFactors={
              (state.notice as { reasonFactors?: ChangeReasonFactors | null } | null)
                ?.reasonFactors ?? {}
            }
            minimumNoticeDays={state.minimumNoticeDays}
          />
        </>
      )}
    </Gutter>
  )
}
