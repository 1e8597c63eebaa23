import { findChannelPolicy } from './checkChannelOffered'
import { contactMethodLabels, violation } from './messages'
import { tokyoDateOf } from '../../lib/tokyoTime'
import type { Channel, ContactMethod, BookingPolicy, RuleViolation } from './types'

/**
 * The ways an applicant may cancel at `now`. On the slot's own JST date the channel's
 * sameDayCancelBy applies (falling back to cancelBy); before it, cancelBy.
 */
export function allowedCancellationMethods(
  policy: BookingPolicy,
  channel: Channel,
  now: Date,
  slotStart: Date,
): ContactMethod[] {
  const channelPolicy = findChannelPolicy(policy, channel)
  if (!channelPolicy) return []
  const sameDay = tokyoDateOf(now) === tokyoDateOf(slotStart)
  return sameDay
    ? (channelPolicy.sameDayCancelBy ?? channelPolicy.cancelBy)
    : channelPolicy.cancelBy
}

/**
 * A cancellation is a status change, so a method the policy does not allow is an
 * invalid_transition (field "cancelMethod"); the message names the methods that are allowed.
 */
export function checkCancellationMethod(
  policy: BookingPolicy,
  channel: Channel,
  method: ContactMethod,
  now: Date,
  slotStart: Date,
): RuleViolation | null {
  if (!findChannelPolicy(policy, channel)) return violation('channel_not_offered')
  const allowed = allowedCancellationMethods(policy, channel, now, slotStart)
  if (allowed.includes(method)) return null
  const sameDay = tokyoDateOf(now) === tokyoDateOf(slotStart)
  const methods = allowed.map((allowedMethod) => contactMethodLabels[allowedMethod]).join('または')
  const message =
    allowed.length === 0
      ? 'このご予約はキャンセルを受け付けていません。'
      : `${sameDay ? '当日の' : ''}キャンセルは${methods}でのみ受け付けています。`
  return violation('invalid_transition', { field: 'cancelMethod', message })
}
