import type { GlobalConfig } from 'payload'

import { isHqAdmin } from '../access/isHqAdmin'
import { isLoggedIn } from '../access/isLoggedIn'
import { ja } from '../collections/i18n'

export const DEFAULT_MINIMUM_NOTICE_DAYS = 30

export const HqSettings: GlobalConfig = {
  slug: 'hq-settings',
  label: ja('本部設定', 'Headquarters settings'),
  admin: { group: ja('設定', 'Settings') },
  access: { read: isLoggedIn, update: isHqAdmin },
  fields: [
    {
      name: 'minimumNoticeDays',
      type: 'number',
      required: true,
      min: 0,
      max: 365,
      defaultValue: DEFAULT_MINIMUM_NOTICE_DAYS,
      label: ja('変更の周知期間（日）', 'Minimum notice period (days)'),
      admin: {
        description: ja(
          '民法548条の4第1項第2号による変更は、効力発生日のこの日数前までに周知します。',
          'A change on ground (ii) must be announced at least this many days before it takes effect.',
        ),
      },
    },
  ],
}
