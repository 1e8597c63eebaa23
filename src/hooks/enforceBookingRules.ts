import type { CollectionBeforeChangeHook } from 'payload'

import type { BookingData } from '../services/bookings/bookingData'
import { prepareBookingChange } from '../services/bookings/prepareBookingChange'
import { prepareNewBooking } from '../services/bookings/prepareNewBooking'

/**
 * Runs the booking rules (src/rules/booking) on every create and on every update, whatever the
 * path: public API, REST, admin, Local API. Violations become 422 (409 for a full slot) with the
 * code in the error's data.
 */
export const enforceBookingRules: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) =>
  operation === 'create'
    ? prepareNewBooking(data as BookingData, req)
    : prepareBookingChange(data as BookingData, (originalDoc ?? {}) as BookingData, req)
