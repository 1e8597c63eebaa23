import { violation } from './messages'
import type { RuleViolation } from './types'

/** slot_full when the seats already held (pending or confirmed) leave none for a new booking. */
export function checkCapacity(taken: number, capacity: number): RuleViolation | null {
  return taken < capacity ? null : violation('slot_full')
}
