import { violation } from './messages'
import type { Channel, ChannelPolicy, BookingPolicy, RuleViolation } from './types'

export function findChannelPolicy(
  policy: BookingPolicy,
  channel: Channel,
): ChannelPolicy | undefined {
  return policy.channels.find((offered) => offered.channel === channel)
}

const channelNotOfferedMessages: Record<Channel, string> = {
  'self-service':
    'この窓口ではオンラインでの予約を受け付けていません。電話またはメールでお申し込みください。',
  'staff-scheduled': 'この窓口では電話・メールでの予約を受け付けていません。',
}

/** channel_not_offered unless the policy lists the channel. */
export function checkChannelOffered(policy: BookingPolicy, channel: Channel): RuleViolation | null {
  if (findChannelPolicy(policy, channel)) return null
  const message = channelNotOfferedMessages[channel]
  return violation('channel_not_offered', message ? { message } : {})
}
