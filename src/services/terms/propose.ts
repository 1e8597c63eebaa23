import type { Payload, PayloadRequest } from 'payload'

import type { ChangeNotice, ReservationPolicy, TermsEdition } from '../../payload-types'
import { composeEdition } from './compose'
import { addDays, tokyoToday } from '../../lib/tokyoTime'
import {
  asRelation,
  editionInForceOn,
  findOffice,
  minimumNoticeDays,
  noticeForEdition,
  policyInForceOn,
  publishedEditionsOf,
} from './queries'
import { idOf, type Id } from '../../lib/ids'

export type ProposalOutcome =
  /** The change does not alter what the terms say. */
  | { status: 'unchanged'; inForce: TermsEdition }
  | { status: 'proposed'; edition: TermsEdition; notice: ChangeNotice }
  | { status: 'skipped'; reason: string }

/**
 * A policy change that alters what the terms say needs a new edition: this composes the
 * edition in force at the policy's effectiveFrom again with the new policy (same template, same
 * overrides) and, when the text differs, saves it as a DRAFT effective that day with a DRAFT
 * ground-2 notice. The admin then chooses the ground, writes the reasons and publishes.
 * A draft already proposed for that day is brought up to date instead of duplicated.
 */
export async function proposeEditionForPolicy(
  payload: Payload,
  policy: ReservationPolicy,
  req?: PayloadRequest,
): Promise<ProposalOutcome> {
  const officeId = idOf(policy.office)
  if (officeId === null) return { status: 'skipped', reason: 'the policy has no office' }
  return proposeEdition(payload, officeId, policy, policy.effectiveFrom, req)
}

/**
 * An office change that alters what the terms print (its name, its signatory) takes the same path
 * as a policy change. An office has no effective date of its own, so the draft is proposed for
 * the earliest day a change on ground (ii) may take effect (today in Japan plus HQ's minimum
 * notice), composed with the policy in force that day; the admin may move it before publishing.
 * Drafts already proposed for later policies are composed again, so they print the office as it
 * now is. Returns the outcome for the first date.
 */
export async function proposeEditionForOffice(
  payload: Payload,
  officeId: Id,
  req?: PayloadRequest,
): Promise<ProposalOutcome> {
  const effectiveFrom = addDays(tokyoToday(), await minimumNoticeDays(payload, req))
  const policy = await policyInForceOn(payload, officeId, effectiveFrom, req)
  if (!policy)
    return { status: 'skipped', reason: 'no reservation policy is in force on that date' }
  const outcome = await proposeEdition(payload, officeId, policy, effectiveFrom, req)
  const { docs: laterPolicies } = await payload.find({
    collection: 'reservation-policies',
    where: {
      and: [{ office: { equals: officeId } }, { effectiveFrom: { greater_than: effectiveFrom } }],
    },
    sort: 'effectiveFrom',
    pagination: false,
    depth: 0,
    req,
  })
  for (const later of laterPolicies)
    await proposeEdition(payload, officeId, later, later.effectiveFrom, req)
  return outcome
}

/**
 * Composes the edition in force on `effectiveFrom` again with `policy` and the office as it is
 * now, and saves it as a draft for that date when the text differs.
 */
async function proposeEdition(
  payload: Payload,
  officeId: Id,
  policy: ReservationPolicy,
  effectiveFrom: string,
  req?: PayloadRequest,
): Promise<ProposalOutcome> {
  const published = await publishedEditionsOf(payload, officeId, req)
  const inForce = editionInForceOn(published, effectiveFrom)
  if (!inForce) return { status: 'skipped', reason: 'no edition is in force on that date yet' }
  if (inForce.effectiveFrom === effectiveFrom) {
    // Published terms never change; a change meant for the terms needs a later date.
    return {
      status: 'skipped',
      reason:
        'an edition is already published for that date: give the change a later effective date',
    }
  }
  const templateId = idOf(inForce.template)
  if (templateId === null) {
    return { status: 'skipped', reason: 'the edition in force was not composed from a template' }
  }
  const [office, template] = await Promise.all([
    findOffice(payload, officeId, req),
    payload
      .findByID({ collection: 'terms-templates', id: templateId, depth: 0, req })
      .catch(() => null),
  ])
  if (!office || !template) return { status: 'skipped', reason: 'office or template not found' }

  const proposal = composeEdition(office, policy, template, inForce.overrides)
  if (proposal.contentHash === inForce.contentHash) return { status: 'unchanged', inForce }

  const draftFields = {
    template: asRelation(templateId),
    overrides: inForce.overrides ?? null,
    policy: policy.id,
    // Given explicitly: the draft says exactly what this policy makes the terms say.
    content: proposal.content as unknown as TermsEdition['content'],
  }
  const { docs: existing } = await payload.find({
    collection: 'terms-editions',
    where: {
      and: [
        { office: { equals: officeId } },
        { effectiveFrom: { equals: effectiveFrom } },
        { status: { equals: 'draft' } },
      ],
    },
    limit: 1,
    depth: 0,
    req,
  })
  const current = existing[0]
  if (current && (await noticeForEdition(payload, current.id, req))?.status === 'published') {
    return { status: 'skipped', reason: 'the draft for that date is already announced' }
  }
  const edition = current
    ? await payload.update({
        collection: 'terms-editions',
        id: current.id,
        data: draftFields,
        depth: 0,
        req,
      })
    : await payload.create({
        collection: 'terms-editions',
        data: {
          ...draftFields,
          office: asRelation(officeId),
          effectiveFrom,
          status: 'draft',
        } as TermsEdition,
        depth: 0,
        req,
      })

  const existingNotice = await noticeForEdition(payload, edition.id, req)
  const notice = existingNotice
    ? // Saved again so its changed articles follow the new draft.
      await payload.update({
        collection: 'change-notices',
        id: existingNotice.id,
        data: {},
        depth: 0,
        req,
      })
    : await payload.create({
        collection: 'change-notices',
        data: {
          edition: edition.id,
          ground: '2',
          status: 'draft',
          effectiveFrom: edition.effectiveFrom,
        },
        depth: 0,
        req,
      })
  return { status: 'proposed', edition, notice }
}
