import type { GlobalConfig } from 'payload'

import { isHqAdmin } from '../access/isHqAdmin'
import { isLoggedIn } from '../access/isLoggedIn'
import { bilingual } from '../collections/i18n'
import {
  DEFAULT_APPLICANT_RETENTION_DAYS,
  MAX_APPLICANT_RETENTION_DAYS,
} from '../rules/booking/applicantRetention'
import { DEFAULT_MINIMUM_NOTICE_DAYS } from '../rules/terms/minimumNotice'

export const HqSettings: GlobalConfig = {
  slug: 'hq-settings',
  label: bilingual('本部設定', 'Headquarters settings'),
  admin: { group: bilingual('設定', 'Settings') },
  access: { read: isLoggedIn, update: isHqAdmin },
  fields: [
    {
      name: 'minimumNoticeDays',
      type: 'number',
      required: true,
      min: 0,
      max: 365,
      defaultValue: DEFAULT_MINIMUM_NOTICE_DAYS,
      label: bilingual('変更の周知期間（日）', 'Minimum notice period (days)'),
      admin: {
        description: bilingual(
          '民法548条の4第1項第2号による変更は、効力発生日のこの日数前までに周知します。',
          'A change on ground (ii) must be announced at least this many days before it takes effect.',
        ),
      },
    },
    {
      name: 'applicantRetentionDays',
      type: 'number',
      required: true,
      min: 1,
      max: MAX_APPLICANT_RETENTION_DAYS,
      defaultValue: DEFAULT_APPLICANT_RETENTION_DAYS,
      label: bilingual('申込者情報の保存期間（日）', 'Applicant data retention (days)'),
      admin: {
        description: bilingual(
          '終了した予約（完了・キャンセル・期限切れ・無断欠席）の申込者情報は、この日数を過ぎると消去されます。事業所はこれより短く設定できます。',
          'Applicant details of finished bookings are erased after this many days; an office may set fewer.',
        ),
      },
    },
  ],
}
