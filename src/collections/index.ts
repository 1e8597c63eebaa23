import type { CollectionConfig, CollectionSlug } from 'payload'

import { AddressHits } from './AddressHits'
import { ApplicantStandings } from './ApplicantStandings'
import { AuditLog } from './AuditLog'
import { Bookings } from './Bookings'
import { ChangeNotices } from './ChangeNotices'
import { Claims } from './Claims'
import { Offices } from './Offices'
import { ReservationPolicies } from './ReservationPolicies'
import { TermsEditions } from './TermsEditions'
import { TermsTemplates } from './TermsTemplates'
import { Users } from './Users'

export const collections: CollectionConfig[] = [
  Offices,
  Users,
  ReservationPolicies,
  Bookings,
  ApplicantStandings,
  TermsTemplates,
  TermsEditions,
  ChangeNotices,
  AuditLog,
  Claims,
  AddressHits,
]

/** Collections whose documents belong to one office (the plugin adds their `office` field). */
export const TENANT_SCOPED_COLLECTIONS: CollectionSlug[] = [
  'reservation-policies',
  'bookings',
  'applicant-standings',
  'terms-editions',
  'change-notices',
]
