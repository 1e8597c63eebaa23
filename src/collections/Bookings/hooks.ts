import type { CollectionConfig } from 'payload'

import { auditChange } from '../../hooks/auditChange'
import { convertBookingSeatConflict } from '../../hooks/convertBookingSeatConflict'
import { countCreatedBooking } from '../../hooks/countBookingMetrics'
import { countBookingNoShow } from '../../hooks/countBookingNoShow'
import { enforceBookingRules } from '../../hooks/enforceBookingRules'
import {
  forgetBookingOccupancyAfterChange,
  forgetBookingOccupancyAfterDelete,
} from '../../hooks/forgetBookingOccupancy'

export const bookingsHooks: CollectionConfig['hooks'] = {
  beforeChange: [enforceBookingRules],
  afterChange: [
    forgetBookingOccupancyAfterChange,
    countBookingNoShow,
    auditChange,
    countCreatedBooking,
  ],
  afterDelete: [forgetBookingOccupancyAfterDelete],
  afterError: [convertBookingSeatConflict],
}
