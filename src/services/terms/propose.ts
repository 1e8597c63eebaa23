import type { Payload, PayloadRequest } from 'payload'

import type { ChangeNotice, ReservationPolicy, TermsEdition } from '../../payload-types'
import { composeEdition } from './compose'
import {
  asRelation,
  editionInForceOn,
  findOffice,
  noticeForEdition,
  publishedEditionsOf,
} from './queries'
import { idOf } from '../../lib/ids'

export type ProposalOutcome =
  /** The policy does not change what the terms say. */
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
  const published = await publishedEditionsOf(payload, officeId, req)
  const inForce = editionInForceOn(published, policy.effectiveFrom)
  if (!inForce) return { status: 'skipped', reason: 'no edition is in force on that date yet' }
  if (inForce.effectiveFrom === policy.effectiveFrom) {
    // Published terms never change; a policy change meant for the terms needs a later date.
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
        { effectiveFrom: { equals: policy.effectiveFrom } },
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
          effectiveFrom: policy.effectiveFrom,
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
