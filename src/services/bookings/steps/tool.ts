import { findChannelPolicy } from '../../../rules/booking/checkChannelOffered'
import { fixedToolFor } from '../../../rules/booking/checkTool'
import type { Channel, BookingPolicy, Tool } from '../../../rules/booking/types'

/** The tool a booking uses: fixed by the channel, or the one staff chose. */
export function resolveTool(
  policy: BookingPolicy,
  channel: Channel,
  requested: unknown,
): { tool?: Tool; missing: boolean } {
  if (requested !== undefined && requested !== null && requested !== '') {
    return { tool: requested as Tool, missing: false }
  }
  const fixed = fixedToolFor(policy, channel)
  if (fixed) return { tool: fixed, missing: false }
  return { missing: findChannelPolicy(policy, channel) !== undefined }
}
