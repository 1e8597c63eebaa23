import type { CollectionBeforeChangeHook } from 'payload'

import type { BookingData } from '../services/bookings/bookingData'
import { BookingRuleError } from '../services/bookings/errors'
import { idOf } from '../lib/ids'
import { prepareBookingChange } from '../services/bookings/prepareBookingChange'
import { prepareNewBooking } from '../services/bookings/prepareNewBooking'
import { recordRefusal } from '../services/usage/refusals'

/**
 * Runs the booking rules (src/rules/booking) on every create and on every update, whatever the
 * path: public API, REST, admin, Local API. Violations become 422 (409 for a full slot) with the
 * code in the error's data; a refused new booking is recorded by its code for the usage dashboard.
 */
export const enforceBookingRules: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'create')
    return prepareBookingChange(data as BookingData, (originalDoc ?? {}) as BookingData, req)
  try {
    return await prepareNewBooking(data as BookingData, req)
  } catch (error) {
    if (error instanceof BookingRuleError)
      await recordRefusal(req.payload, {
        officeId: idOf(data.office) as number | string | null,
        code: error.data.code,
        channel: typeof data.channel === 'string' ? data.channel : null,
        actor: req.user
          ? `${req.user.collection}:${req.user.id}`
          : ((req.context?.actor as string | undefined) ?? 'public'),
      })
    throw error
  }
}
