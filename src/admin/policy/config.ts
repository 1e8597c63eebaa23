import type { CollectionConfig } from 'payload'

type AdminComponents = NonNullable<NonNullable<CollectionConfig['admin']>['components']>

/**
 * The reservation policies' admin screens: the terms-change tab and the controls beside Save.
 * Paths are resolved through the admin's import map (src/app/(payload)/admin/importMap.js).
 */
export const reservationPolicyAdminComponents: AdminComponents = {
  edit: {
    beforeDocumentControls: ['/src/admin/policy/PolicyDocumentControls#PolicyDocumentControls'],
  },
  views: {
    edit: {
      termsChange: {
        Component: '/src/admin/policy/TermsChangeView#TermsChangeView',
        path: '/terms-change',
        tab: {
          href: '/terms-change',
          order: 50,
          // The tab label has only Payload's `t`; it answers in the user's language.
          label: ({ t }) =>
            t('general:dashboard') === 'Dashboard' ? 'Terms impact' : '利用規約への反映',
        },
      },
    },
  },
}

/** Row labels for the policy's arrays: weekly hours, channels and closures. */
export const policyRowLabels = {
  windows: '/src/admin/policy/RowLabels#WindowRowLabel',
  channels: '/src/admin/policy/RowLabels#ChannelRowLabel',
  closures: '/src/admin/policy/RowLabels#ClosureRowLabel',
} as const

/** The weekly windows as one grid and the closures as a calendar (same stored rows). */
export const policyFieldComponents = {
  windows: '/src/admin/policy/WeeklyHoursGrid#WeeklyHoursGrid',
  closures: '/src/admin/policy/ClosureCalendar#ClosureCalendar',
  /** A plain field's error, kept from the rule on the form's values. */
  ruleError: '/src/admin/policy/PolicyFieldError#PolicyFieldError',
} as const
