import type { CollectionConfig } from 'payload'

type AdminComponents = NonNullable<NonNullable<CollectionConfig['admin']>['components']>

/** HQ publishes the template to chosen offices from its edit view. */
export const termsTemplateAdminComponents: AdminComponents = {
  edit: {
    beforeDocumentControls: [
      '/src/admin/templates/PublishTemplateControls#PublishTemplateControls',
    ],
  },
}
