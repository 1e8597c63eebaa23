import type { CollectionConfig } from 'payload'

import { isHqAdmin } from '../../access/isHqAdmin'
import { isLoggedIn } from '../../access/isLoggedIn'
import { publishTemplateEndpoint } from '../../endpoints/terms/adminEndpoints'
import { bilingual } from '../i18n'
import { termsTemplateAdminComponents } from '../../admin/templates/config'
import { termsTemplatesHooks } from './hooks'

/**
 * Headquarters' template: articles whose text binds variables to the office and its reservation
 * policy. Office editions are composed from it, so one change here reaches every office.
 */
export const TermsTemplates: CollectionConfig = {
  slug: 'terms-templates',
  labels: {
    singular: bilingual('規約テンプレート', 'Terms template'),
    plural: bilingual('規約テンプレート', 'Terms templates'),
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'version', 'updatedAt'],
    group: bilingual('利用規約', 'Terms'),
    description: bilingual(
      '本部が管理する利用規約のひな形です。',
      'The headquarters template for all offices’ terms.',
    ),
    components: termsTemplateAdminComponents,
  },
  access: {
    read: isLoggedIn,
    create: isHqAdmin,
    update: isHqAdmin,
    delete: isHqAdmin,
  },
  hooks: termsTemplatesHooks,
  // HQ publishes a template change to many offices at once: one edition and one notice each.
  endpoints: [{ path: '/:id/publish', method: 'post', handler: publishTemplateEndpoint }],
  fields: [
    { name: 'name', type: 'text', required: true, label: bilingual('名称', 'Name') },
    {
      name: 'version',
      type: 'number',
      required: true,
      defaultValue: 1,
      label: bilingual('版', 'Version'),
    },
    {
      name: 'document',
      type: 'json',
      required: true,
      label: bilingual('条文（構造化）', 'Articles (structured)'),
      admin: {
        description: bilingual(
          '前文・条・項・号と変数・条文参照を持つ構造化データです。',
          'Preamble, articles, paragraphs and items with variables and structured references.',
        ),
      },
    },
  ],
}
