/** Inline policies and a small template for the terms rules tests; independent of the demo seed. */
import type { ChannelPolicy, BookingPolicy, WeeklyWindow } from '../../../src/rules/booking/types'
import type { Article, Inline, TermsDocument } from '../../../src/rules/terms/types'

export function weekdayWindows(...ranges: [string, string][]): WeeklyWindow[] {
  return ([1, 2, 3, 4, 5] as const).flatMap((weekday) =>
    ranges.map(([start, end]) => ({ weekday, start, end })),
  )
}

const selfServiceChannel: ChannelPolicy = {
  channel: 'self-service',
  tools: ['teleoffice'],
  requiredFields: ['name', 'email', 'phone'],
  optionalFields: ['jobSeekerNumber', 'note'],
  cancelBy: ['link'],
}

const staffChannelZoom: ChannelPolicy = {
  channel: 'staff-scheduled',
  tools: ['zoom'],
  requiredFields: ['name', 'jobSeekerNumber', 'phone', 'email', 'desiredDateTime'],
  optionalFields: [],
  cancelBy: ['phone', 'email'],
  sameDayCancelBy: ['phone'],
}

const staffChannelEitherTool: ChannelPolicy = {
  channel: 'staff-scheduled',
  tools: ['teleoffice', 'zoom'],
  requiredFields: ['name', 'jobSeekerNumber', 'desiredDateTime', 'email'],
  optionalFields: [],
  cancelBy: ['phone'],
}

/** Both channels, like an office with its own booking site. */
export function twoChannelPolicy(overrides: Partial<BookingPolicy> = {}): BookingPolicy {
  return {
    effectiveFrom: '2024-04-01',
    channels: [selfServiceChannel, staffChannelZoom],
    windows: weekdayWindows(['09:30', '12:00'], ['13:00', '16:30']),
    sessionMinutes: 30,
    capacityPerSlot: 1,
    closures: [],
    leadTime: 'before-start',
    bookingWindowDays: 28,
    confirmWindowMinutes: 60,
    noShowGraceMinutes: 10,
    refuseAfterNoShows: 3,
    eligibility: [
      { id: 'registered', text: '求職の申込みを済ませていること' },
      { id: 'device', text: 'カメラ付きの端末を用意できること' },
    ],
    court: '福岡地方裁判所',
    governingLaw: '日本法',
    ...overrides,
  }
}

/** Staff-scheduled only, staff choosing the tool, settled the day before. */
export function staffOnlyPolicy(overrides: Partial<BookingPolicy> = {}): BookingPolicy {
  return {
    effectiveFrom: '2024-04-01',
    channels: [staffChannelEitherTool],
    windows: weekdayWindows(['10:00', '12:00'], ['14:00', '16:00']),
    sessionMinutes: 30,
    capacityPerSlot: 1,
    closures: [],
    leadTime: 'previous-day',
    bookingWindowDays: 14,
    confirmWindowMinutes: 30,
    noShowGraceMinutes: 15,
    refuseAfterNoShows: 0,
    eligibility: [{ id: 'registered', text: '求職の申込みを済ませていること' }],
    court: '前橋地方裁判所',
    governingLaw: '日本法',
    ...overrides,
  }
}

export const office = { name: 'ハローワーク架空', signatoryTitle: '架空公共職業安定所長' }

export function t(text: string): Inline {
  return { text }
}

export function v(variable: string): Inline {
  return { variable }
}

/**
 * Five articles; the last but one has items, and the first and last refer to it, so removing
 * or adding an article in front shows whether references follow.
 */
export function smallTemplate(): TermsDocument {
  const articles: Article[] = [
    {
      key: 'purpose',
      heading: '目的',
      paragraphs: [{ text: [v('officeName'), t('のオンライン相談について定めます。')] }],
    },
    {
      key: 'booking',
      heading: '利用申込み等',
      paragraphs: [
        {
          text: [],
          items: [
            { text: [t('相談時間は'), v('hours'), t('、1回'), v('sessionMinutes'), t('分です。')] },
            { text: [v('selfServiceConfirm')], when: 'channel:self-service' },
            { text: [v('staffScheduledCancel')], when: 'channel:staff-scheduled' },
            { text: [t('連絡なく'), v('noShowGraceMinutes'), t('分を過ぎた予約は取り消します。')] },
          ],
        },
      ],
    },
    {
      key: 'records',
      heading: '利用の記録等',
      paragraphs: [
        { text: [t('利用の記録を残します。')] },
        { text: [t('前項の記録は公表しません。')] },
      ],
    },
    {
      key: 'notes',
      heading: 'その他留意事項',
      paragraphs: [
        {
          text: [t('次の点に留意してください。')],
          items: [
            { text: [t('録画しないこと。')] },
            { text: [t('録音しないこと。')] },
            {
              text: [t('秘密が守られる場所で受けること。')],
              subItems: [{ text: [t('個室')] }, { text: [t('自宅')] }],
            },
          ],
        },
      ],
    },
    {
      key: 'jurisdiction',
      heading: '準拠法及び合意管轄裁判所',
      paragraphs: [
        {
          text: [
            t('紛争は'),
            v('court'),
            t('の管轄とします。'),
            { ref: { article: 'notes', item: 3 } },
            t('も参照してください。'),
          ],
        },
      ],
    },
  ]
  return {
    title: '{{officeName}} オンライン相談利用規約',
    preamble: [
      {
        text: [
          { ref: { article: 'booking' } },
          t('により申し込んだ方は同意したものとみなします。'),
        ],
      },
    ],
    articles,
    signatory: 'テンプレート署名者',
  }
}
