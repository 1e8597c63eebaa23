import type { BookingPolicy, WeeklyWindow } from '../rules/booking/types'
import { DEFAULT_MAX_OPEN_BOOKINGS } from '../rules/booking/checkOpenBookings'

type DemoOffice = 'kitakyushu-mothers' | 'isesaki'

const weekdays = [1, 2, 3, 4, 5] as const

function onWeekdays(...ranges: [start: string, end: string][]): WeeklyWindow[] {
  return weekdays.flatMap((weekday) => ranges.map(([start, end]) => ({ weekday, start, end })))
}

/**
 * The two demo offices' reservation policies, following what each office's terms of use say
 * about channels, tools, session length, lead time, applicant details, cancellation and
 * no-shows. Eligibility statements are our own paraphrases of the terms' conditions, in two
 * wordings: what the applicant ticks, and the condition the terms print. Values the seeds do not
 * state are marked as demo values where they are set.
 */
export const demoPolicies: Record<DemoOffice, BookingPolicy> = {
  'kitakyushu-mothers': {
    effectiveFrom: '2025-04-01',
    channels: [
      {
        channel: 'self-service',
        tools: ['teleoffice'],
        requiredFields: ['name', 'email', 'phone'],
        optionalFields: ['jobSeekerNumber', 'note'],
        cancelBy: ['link'],
      },
      {
        channel: 'staff-scheduled',
        tools: ['zoom'],
        requiredFields: ['name', 'jobSeekerNumber', 'phone', 'email', 'desiredDateTime'],
        optionalFields: ['note'],
        cancelBy: ['phone', 'email'],
        sameDayCancelBy: ['phone'],
      },
    ],
    // Demo values: this office's terms do not state its hours.
    windows: onWeekdays(['10:00', '12:00'], ['13:00', '16:00']),
    sessionMinutes: 30,
    capacityPerSlot: 1,
    closures: [],
    leadTime: 'before-start',
    // Demo value: neither seed limits how far ahead one may book.
    bookingWindowDays: 30,
    confirmWindowMinutes: 60,
    noShowGraceMinutes: 10,
    // Both seeds: one cancellation without contact may lead to refusal (flagged for review).
    refuseAfterNoShows: 1,
    // Kiyaku's own limit (issue 10), not in the seeds: the default, stated so the policy reads back whole.
    maxOpenBookingsPerApplicant: DEFAULT_MAX_OPEN_BOOKINGS,
    eligibility: [
      {
        id: 'registered',
        text: '当所に求職者として登録済みです（オンラインでの登録を含みます）。または、これから登録します。',
        termsText:
          '当所に求職者として登録している方（オンラインで登録した方を含みます。）又はこれから登録する方',
      },
      {
        id: 'video-device',
        text: 'カメラ付きのスマートフォンやパソコンを持っていて、指定の通信アプリを使える環境を用意できます。',
        termsText:
          'カメラ付きのスマートフォン、パソコン等を持ち、使用するアプリケーションを使える環境を用意できる方',
      },
      {
        id: 'ongoing-support',
        text: '担当の職員から、続けて職業相談の支援を受けることを希望しています。',
        termsText: '担当の職員による継続した職業相談の支援を希望する方',
      },
      {
        id: 'online-needed',
        text: '来所ではなく、オンラインで相談を受ける必要があります。',
        termsText: 'オンラインで相談を受ける必要があると見込まれる方',
      },
    ],
    court: '福岡地方裁判所',
    governingLaw: '日本法',
  },
  isesaki: {
    effectiveFrom: '2025-04-01',
    channels: [
      {
        channel: 'staff-scheduled',
        tools: ['teleoffice', 'zoom'],
        requiredFields: ['name', 'jobSeekerNumber', 'desiredDateTime', 'email'],
        optionalFields: [],
        cancelBy: ['phone'],
      },
    ],
    windows: onWeekdays(['10:00', '12:00'], ['14:00', '16:00']),
    sessionMinutes: 30,
    capacityPerSlot: 1,
    closures: [],
    leadTime: 'previous-day',
    // Demo value: neither seed limits how far ahead one may book.
    bookingWindowDays: 30,
    // Unused: this office takes no online self-service bookings.
    confirmWindowMinutes: 60,
    noShowGraceMinutes: 10,
    refuseAfterNoShows: 1,
    // Kiyaku's own limit (issue 10), not in the seeds: the default, stated so the policy reads back whole.
    maxOpenBookingsPerApplicant: DEFAULT_MAX_OPEN_BOOKINGS,
    eligibility: [
      {
        id: 'registered',
        text: '当所に求職者として登録済みです（オンライン登録の方は、利用登録へ切り替わります）。または、これから登録します。',
        termsText:
          '当所に求職者として登録している方（オンラインで登録した方は、利用登録に切り替わります。）又はこれから登録する方',
      },
      {
        id: 'video-device',
        text: 'カメラ付きのスマートフォンやパソコンを持っていて、指定の通信アプリを使える環境を用意できます。',
        termsText:
          'カメラ付きのスマートフォン、パソコン等を持ち、使用するアプリケーションを使える環境を用意できる方',
      },
    ],
    court: '前橋地方裁判所',
    governingLaw: '日本法',
  },
}
