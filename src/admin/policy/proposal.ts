import type { Payload, TypedUser } from 'payload'

import { officeIdsOf, roleOf } from '../../access/roles'
import type { ChangeNotice, Office, ReservationPolicy, TermsEdition } from '../../payload-types'
import { compareTerms, renderCompareHtml } from '../../rules/terms'
import { adminText } from '../shared/text'
import { readContent } from '../../services/terms/contentSchema'
import { editionInForceOn, minimumNoticeDays } from '../../services/terms/queries'
import { idOf, type Id } from '../../lib/ids'

/** What the terms-change tab of a policy shows. */
export type PolicyTermsState =
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  /** The policy does not change the terms (or the edition for its date is not composed yet). */
  | { kind: 'unchanged'; policy: ReservationPolicy }
  /** The change is already published for the policy's date. */
  | { kind: 'scheduled'; policy: ReservationPolicy; edition: TermsEdition }
  | {
      kind: 'proposed'
      policy: ReservationPolicy
      office: Office
      draft: TermsEdition
      notice: ChangeNotice | null
      previous: TermsEdition | null
      compareHtml: string
      minimumNoticeDays: number
    }

/** Office admins schedule changes of their own offices; headquarters of any office. */
export function maySchedule(user: TypedUser | null | undefined, officeId: Id | null): boolean {
  const role = roleOf(user)
  if (role === 'hq-admin') return true
  if (role !== 'office-admin' || officeId === null) return false
  return officeIdsOf(user).some((id) => String(id) === String(officeId))
}

/** The draft edition the policy's save proposed (see proposeEditionForPolicy), with its 新旧対照表. */
export async function policyTermsState(
  payload: Payload,
  user: TypedUser | null | undefined,
  policyId: Id,
  /** The admin's language, for the comparison table's own words. */
  language?: string,
): Promise<PolicyTermsState> {
  if (!user) return { kind: 'forbidden' }
  const policy = await payload
    .findByID({
      collection: 'reservation-policies',
      id: policyId,
      depth: 0,
      overrideAccess: false,
      user,
    })
    .catch(() => null)
  if (!policy) return { kind: 'not-found' }
  const officeId = idOf(policy.office)
  if (officeId === null) return { kind: 'unchanged', policy }
  const asUser = { depth: 0, overrideAccess: false, user } as const

  const { docs: editions } = await payload.find({
    collection: 'terms-editions',
    ...asUser,
    where: { office: { equals: officeId } },
    sort: 'effectiveFrom',
    pagination: false,
  })
  const published = editions.filter((edition) => edition.status === 'published')
  const publishedThatDay = published.find(
    (edition) => edition.effectiveFrom === policy.effectiveFrom,
  )
  const draft = editions.find(
    (edition) => edition.status === 'draft' && edition.effectiveFrom === policy.effectiveFrom,
  )
  if (!draft) {
    return publishedThatDay
      ? { kind: 'scheduled', policy, edition: publishedThatDay }
      : { kind: 'unchanged', policy }
  }

  const previous = editionInForceOn(
    published.filter((edition) => edition.effectiveFrom < policy.effectiveFrom),
    policy.effectiveFrom,
  )
  const [office, notices, days] = await Promise.all([
    payload.findByID({ collection: 'offices', id: officeId, depth: 0 }),
    payload.find({
      collection: 'change-notices',
      ...asUser,
      where: { edition: { equals: draft.id } },
      limit: 1,
    }),
    minimumNoticeDays(payload),
  ])
  const text = adminText(language)
  const newContent = readContent(draft.content)
  const oldContent = previous ? readContent(previous.content) : null
  const compareHtml =
    newContent.ok && oldContent?.ok
      ? renderCompareHtml(compareTerms(oldContent.content, newContent.content), {
          officeName: office.name,
          fromLabel: text.policy.compareFrom(previous?.number),
          toLabel: text.policy.compareTo(policy.effectiveFrom),
          language: language === 'en' ? 'en' : 'ja',
          standalone: false,
          onlyChanged: true,
        })
      : ''
  return {
    kind: 'proposed',
    policy,
    office,
    draft,
    notice: notices.docs[0] ?? null,
    previous,
    compareHtml,
    minimumNoticeDays: days,
  }
}
