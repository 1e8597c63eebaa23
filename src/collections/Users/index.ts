import type { CollectionConfig } from 'payload'

import { isHqAdmin } from '../../access/isHqAdmin'
import { fieldIsHqAdmin } from '../../access/fieldIsHqAdmin'
import { readUsers } from '../../access/readUsers'
import { ROLES } from '../../access/roles'
import { unlockUsers } from '../../access/unlockUsers'
import { updateUsers } from '../../access/updateUsers'
import { bilingual } from '../i18n'

const ROLE_LABELS = {
  'hq-admin': bilingual('本部管理者', 'Headquarters admin'),
  'office-admin': bilingual('事業所管理者', 'Office admin'),
  'office-staff': bilingual('事業所職員', 'Office staff'),
} as const

/** Payload auth users. Office membership (`offices`) is added by the multi-tenant plugin. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: bilingual('ユーザー', 'User'), plural: bilingual('ユーザー', 'Users') },
  auth: {
    // No account lockout: anyone could lock any account with it. Wrong passwords are limited per
    // account and address instead (src/server/authRateLimits.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'role'],
    group: bilingual('設定', 'Settings'),
  },
  access: {
    read: readUsers,
    create: isHqAdmin,
    update: updateUsers,
    delete: isHqAdmin,
    unlock: unlockUsers,
  },
  endpoints: [
    {
      // Payload lets anyone create the first account on an empty database; the first HQ admin
      // is made by `npm run create-admin` on the server instead. Ahead of Payload's own route.
      path: '/first-register',
      method: 'post',
      handler: () =>
        Response.json(
          {
            errors: [
              {
                code: 'first_register_closed',
                message:
                  '最初のユーザーはサーバー上で npm run create-admin により作成してください。',
              },
            ],
          },
          { status: 403 },
        ),
    },
  ],
  fields: [
    { name: 'name', type: 'text', label: bilingual('氏名', 'Name') },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'office-staff',
      label: bilingual('役割', 'Role'),
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      access: { create: fieldIsHqAdmin, update: fieldIsHqAdmin },
      saveToJWT: true,
    },
  ],
}
