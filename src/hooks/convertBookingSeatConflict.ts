import type { AfterErrorHook } from 'payload'

import { ruleMessages } from '../rules/booking/messages'
import { isSeatLockConflict } from '../services/bookings/errors'

/**
 * Two REST writes raced for the same seat and the database's unique seatLock index refused the
 * second (Payload reports that as a 400 on the field). For the client this is a full slot: 409
 * with the same body shape as every other booking rule error.
 */
export const convertBookingSeatConflict: AfterErrorHook = ({ error }) => {
  if (!isSeatLockConflict(error)) return
  return {
    status: 409,
    response: {
      errors: [{ name: 'APIError', message: ruleMessages.slot_full, data: { code: 'slot_full' } }],
    },
  }
}
