import { findChannelPolicy } from './checkChannelOffered'
import { violation } from './messages'
import type { Channel, BookingPolicy, RuleViolation, Tool } from './types'

/** The tool a channel always uses, or null when staff choose among several (or none is set). */
export function fixedToolFor(policy: BookingPolicy, channel: Channel): Tool | null {
  const tools = findChannelPolicy(policy, channel)?.tools ?? []
  return tools.length === 1 ? tools[0]! : null
}

/** invalid_field on `tool` when the channel may not use it. */
export function checkTool(
  policy: BookingPolicy,
  channel: Channel,
  tool: Tool,
): RuleViolation | null {
  if (findChannelPolicy(policy, channel)?.tools.includes(tool)) return null
  return violation('invalid_field', {
    field: 'tool',
    message: 'この申込方法では選択された通信アプリを使用できません。',
  })
}
