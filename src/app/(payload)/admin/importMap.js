import { WatchTenantCollection as WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { TokyoDateCell as TokyoDateCell_b79984916c1d80c0e82804ffdc10ff41 } from '../../../../src/admin/fields/TokyoDateCell'
import { TenantField as TenantField_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { ChannelRowLabel as ChannelRowLabel_c15cbfdb189d9f12c91ba8ab9d66f79a } from '../../../../src/admin/policy/RowLabels'
import { WeeklyHoursGrid as WeeklyHoursGrid_360f4a7fec70f482404590d3ce3e75ab } from '../../../../src/admin/policy/WeeklyHoursGrid'
import { WindowRowLabel as WindowRowLabel_c15cbfdb189d9f12c91ba8ab9d66f79a } from '../../../../src/admin/policy/RowLabels'
import { ClosureCalendar as ClosureCalendar_140edb726f585dd7a11948b1c06a5113 } from '../../../../src/admin/policy/ClosureCalendar'
import { ClosureRowLabel as ClosureRowLabel_c15cbfdb189d9f12c91ba8ab9d66f79a } from '../../../../src/admin/policy/RowLabels'
import { PolicyDocumentControls as PolicyDocumentControls_8bb486ab792a30b8287bf715136062ab } from '../../../../src/admin/policy/PolicyDocumentControls'
import { AssignTenantFieldTrigger as AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { TermsChangeView as TermsChangeView_e7dc116bd3a16a261784e1a0e52493a9 } from '../../../../src/admin/policy/TermsChangeView'
import { JsonTextField as JsonTextField_ec673df9c55cc95e24db89e09161cc95 } from '../../../../src/admin/fields/JsonTextField'
import { PublishTemplateControls as PublishTemplateControls_f365e7f57c9ec8cb13a56f32559468a3 } from '../../../../src/admin/templates/PublishTemplateControls'
import { OfficeDashboard as OfficeDashboard_6da186a5e99efd5834048e4cb7bf1878 } from '../../../../src/admin/dashboard/OfficeDashboard'
import { TenantSelector as TenantSelector_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { WorkNavLinks as WorkNavLinks_ed19f0f5b15f54846ca8cb8525b4074c } from '../../../../src/admin/nav/WorkNavLinks'
import { AccessibilityFixes as AccessibilityFixes_89f47ebfca3aa2e949eb6eaa07e40140 } from '../../../../src/admin/providers/AccessibilityFixes'
import { TenantSelectionProvider as TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { BookingsDayView as BookingsDayView_6f65c6099967f7eab14b86cd31b616c0 } from '../../../../src/admin/bookingsDay/BookingsDayView'
import { UsageView as UsageView_caa9abc107ac39255773758c1820daf1 } from '../../../../src/admin/usage/UsageView'
import { BookingsPrintView as BookingsPrintView_f1d406b7fbebcadfedf9b177cf24c99c } from '../../../../src/admin/bookingsDay/BookingsPrintView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/plugin-multi-tenant/client#WatchTenantCollection": WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a,
  "/src/admin/fields/TokyoDateCell#TokyoDateCell": TokyoDateCell_b79984916c1d80c0e82804ffdc10ff41,
  "@payloadcms/plugin-multi-tenant/client#TenantField": TenantField_1d0591e3cf4f332c83a86da13a0de59a,
  "/src/admin/policy/RowLabels#ChannelRowLabel": ChannelRowLabel_c15cbfdb189d9f12c91ba8ab9d66f79a,
  "/src/admin/policy/WeeklyHoursGrid#WeeklyHoursGrid": WeeklyHoursGrid_360f4a7fec70f482404590d3ce3e75ab,
  "/src/admin/policy/RowLabels#WindowRowLabel": WindowRowLabel_c15cbfdb189d9f12c91ba8ab9d66f79a,
  "/src/admin/policy/ClosureCalendar#ClosureCalendar": ClosureCalendar_140edb726f585dd7a11948b1c06a5113,
  "/src/admin/policy/RowLabels#ClosureRowLabel": ClosureRowLabel_c15cbfdb189d9f12c91ba8ab9d66f79a,
  "/src/admin/policy/PolicyDocumentControls#PolicyDocumentControls": PolicyDocumentControls_8bb486ab792a30b8287bf715136062ab,
  "@payloadcms/plugin-multi-tenant/client#AssignTenantFieldTrigger": AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a,
  "/src/admin/policy/TermsChangeView#TermsChangeView": TermsChangeView_e7dc116bd3a16a261784e1a0e52493a9,
  "/src/admin/fields/JsonTextField#JsonTextField": JsonTextField_ec673df9c55cc95e24db89e09161cc95,
  "/src/admin/templates/PublishTemplateControls#PublishTemplateControls": PublishTemplateControls_f365e7f57c9ec8cb13a56f32559468a3,
  "/src/admin/dashboard/OfficeDashboard#OfficeDashboard": OfficeDashboard_6da186a5e99efd5834048e4cb7bf1878,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelector": TenantSelector_d6d5f193a167989e2ee7d14202901e62,
  "/src/admin/nav/WorkNavLinks#WorkNavLinks": WorkNavLinks_ed19f0f5b15f54846ca8cb8525b4074c,
  "/src/admin/providers/AccessibilityFixes#AccessibilityFixes": AccessibilityFixes_89f47ebfca3aa2e949eb6eaa07e40140,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelectionProvider": TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62,
  "/src/admin/bookingsDay/BookingsDayView#BookingsDayView": BookingsDayView_6f65c6099967f7eab14b86cd31b616c0,
  "/src/admin/usage/UsageView#UsageView": UsageView_caa9abc107ac39255773758c1820daf1,
  "/src/admin/bookingsDay/BookingsPrintView#BookingsPrintView": BookingsPrintView_f1d406b7fbebcadfedf9b177cf24c99c,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
