'use server'

import config from '@payload-config'
import { headers } from 'next/headers'
import { createLocalReq, getPayload, type Payload, type TypedUser } from 'payload'

import type { ReservationPolicy } from '../../payload-types'
import type { ChangeReasonFactors } from '../../rules/terms/changeReasons'
import { publishEditionWithNotice } from '../../services/terms/publish'
import { idOf, type Id } from '../../lib/ids'
import { englishForCode } from '../../rules/messages'
import { adminText } from '../shared/text'
import { isIsoDate } from '../../lib/tokyoTime'
import { maySchedule, policyTermsState } from './proposal'

export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; message: string }

async function currentUser(): Promise<{ payload: Payload; user: TypedUser | null }> {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  return { payload, user: user as TypedUser | null }
}

function messageOf(error: unknown, fallback: string, language: string | undefined): string {
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code
  const english = language === 'en' ? englishForCode(code) : undefined
  if (english) return english
  return error instanceof Error && error.message ? error.message : fallback
}

/** Whether the policy's last save proposed a terms change, for the button beside Save. */
export async function termsProposalStatus(
  policyId: Id,
): Promise<'proposed' | 'scheduled' | 'unchanged' | 'none'> {
  const { payload, user } = await currentUser()
  const state = await policyTermsState(payload, user, policyId)
  if (state.kind === 'proposed' || state.kind === 'scheduled' || state.kind === 'unchanged')
    return state.kind
  return 'none'
}

export interface ScheduleInput {
  policyId: Id
  /** The admin's language (i18n.language), for the messages of a refusal. */
  language?: string
  ground: '1' | '2'
  /** Ground 1. */
  reasons: string
  /** Ground 2: the four factors of 民法548条の4第1項第2号; the service names any missing. */
  reasonFactors: ChangeReasonFactors
  effectiveFrom: string
}

/**
 * Schedules the proposed terms change: publishes the change notice and the new edition (it
 * takes effect on effectiveFrom). A different effectiveFrom moves the policy too, since the
 * policy and the terms it writes change on the same day; the draft for the old date goes.
 */
export async function scheduleTermsChange(
  input: ScheduleInput,
): Promise<ActionResult<{ effectiveFrom: string }>> {
  const text = adminText(input.language).policyActions
  const { payload, user } = await currentUser()
  if (!user) return { ok: false, message: text.signIn }
  if (input.ground !== '1' && input.ground !== '2') return { ok: false, message: text.chooseGround }
  if (!isIsoDate(input.effectiveFrom)) return { ok: false, message: text.effectiveDateFormat }

  let state = await policyTermsState(payload, user, input.policyId)
  if (state.kind !== 'proposed') return { ok: false, message: text.noProposal }
  if (!maySchedule(user, idOf(state.policy.office))) {
    return { ok: false, message: text.notYourOffice }
  }
  const req = await createLocalReq({ user }, payload)
  try {
    if (input.effectiveFrom !== state.policy.effectiveFrom) {
      const staleDraft = state.draft
      const staleNotice = state.notice
      // Saving the policy on its new date proposes a fresh draft for that date (policy hook).
      await payload.update({
        collection: 'reservation-policies',
        id: state.policy.id,
        data: { effectiveFrom: input.effectiveFrom } as Partial<ReservationPolicy>,
        overrideAccess: false,
        user,
        req,
      })
      if (staleNotice) {
        await payload.delete({
          collection: 'change-notices',
          id: staleNotice.id,
          overrideAccess: false,
          user,
          req,
        })
      }
      await payload.delete({
        collection: 'terms-editions',
        id: staleDraft.id,
        overrideAccess: false,
        user,
        req,
      })
      state = await policyTermsState(payload, user, input.policyId)
      if (state.kind !== 'proposed') return { ok: false, message: text.redateFailed }
    }
    const { edition } = await publishEditionWithNotice(payload, {
      editionId: state.draft.id,
      ground: input.ground,
      ...(input.ground === '1'
        ? { reasons: input.reasons.trim() || null }
        : { reasonFactors: input.reasonFactors }),
      req,
    })
    return { ok: true, effectiveFrom: edition.effectiveFrom }
  } catch (error) {
    return { ok: false, message: messageOf(error, text.scheduleFailed, input.language) }
  }
}

/**
 * Starts a change from a future date: a copy of the policy effective from that date, which the
 * admin then edits. The policy in force until then stays as it is.
 */
export async function copyPolicyForDate(
  policyId: Id,
  effectiveFrom: string,
  language?: string,
): Promise<ActionResult<{ id: Id }>> {
  const text = adminText(language).policyActions
  const { payload, user } = await currentUser()
  if (!user) return { ok: false, message: text.signIn }
  if (!isIsoDate(effectiveFrom)) return { ok: false, message: text.startDateFormat }
  const source = await payload
    .findByID({
      collection: 'reservation-policies',
      id: policyId,
      depth: 0,
      overrideAccess: false,
      user,
    })
    .catch(() => null)
  if (!source) return { ok: false, message: text.sourceMissing }
  const officeId = idOf(source.office)
  const taken = await payload.count({
    collection: 'reservation-policies',
    where: {
      and: [{ office: { equals: officeId } }, { effectiveFrom: { equals: effectiveFrom } }],
    },
    overrideAccess: false,
    user,
  })
  if (taken.totalDocs > 0) return { ok: false, message: text.dateTaken }
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = source
  try {
    const copy = await payload.create({
      collection: 'reservation-policies',
      data: { ...withoutRowIds(fields), effectiveFrom } as ReservationPolicy,
      overrideAccess: false,
      user,
      depth: 0,
    })
    return { ok: true, id: copy.id }
  } catch (error) {
    return { ok: false, message: messageOf(error, text.copyFailed, language) }
  }
}

/** Array rows keep their ids in the database; a copy needs new ones. */
function withoutRowIds<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((row) => {
      if (row && typeof row === 'object' && !Array.isArray(row)) {
        const { id: _rowId, ...rest } = row as Record<string, unknown>
        return withoutRowIds(rest)
      }
      return withoutRowIds(row)
    }) as T
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withoutRowIds(item)]),
    ) as T
  }
  return value
}
