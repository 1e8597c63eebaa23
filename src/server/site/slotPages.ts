/** The week-by-week chooser: the public slot list, with every unavailable day saying why. */
import { lastBookableDate } from '../../rules/booking/checkBookingWindow'
import { closedDayReason, type ClosedDayReason } from '../../rules/booking/checkClosedDay'
import { findChannelPolicy } from '../../rules/booking/checkChannelOffered'
import { addDays, tokyoDateOf, tokyoDay } from '../../lib/tokyoTime'
import type { OpenSlot } from '../../rules/booking/types'
import { formatJapaneseDateTime } from '../../mail/bookingMails'
import { policyRecordInForce } from '../../services/policies/policiesForOffice'
import { paragraphs, type SitePage } from './layout'
import { escapeHtml } from '../../lib/html'
import type { SiteOffice } from './officeData'
import { officeUrl } from './officePages'

const WEEKDAYS_JA = ['月', '火', '水', '木', '金', '土', '日']

/** Monday (JST) of the week holding an ISO date. */
export function weekStartOf(isoDate: string): string {
  const weekday = tokyoDay(isoDate).weekday
  return addDays(isoDate, 1 - weekday)
}

export function dayLabel(isoDate: string): string {
  const [, month, day] = isoDate.split('-').map(Number)
  return `${month}月${day}日（${WEEKDAYS_JA[tokyoDay(isoDate).weekday - 1]}）`
}

export function timeOf(iso: string): string {
  return iso.slice(11, 16)
}

const closedReasons: Record<ClosedDayReason, string> = {
  'national-holiday': '祝日のため休みです',
  'year-end': '年末年始のため休みです',
  'office-closure': '休業日です',
}

/** Why a day offers no time, or null when it has slots or simply none left. */
function unavailableReason(office: SiteOffice, date: string, now: Date): string | null {
  const today = tokyoDateOf(now)
  if (date < today) return '過ぎた日は予約できません'
  const record = policyRecordInForce(office.records, new Date(tokyoDay(date).startMs))
  if (!record || !findChannelPolicy(record.policy, 'self-service')) {
    return 'この日はオンライン予約を受け付けていません'
  }
  const { policy } = record
  const closed = closedDayReason(date, policy)
  if (closed) {
    const reason = record.closures.find((closure) => closure.date === date)?.reason
    return closed === 'office-closure' && reason ? `休業日です（${reason}）` : closedReasons[closed]
  }
  if (date > lastBookableDate(policy, now)) {
    return `まだ予約を受け付けていません（${policy.bookingWindowDays}日先まで予約できます）`
  }
  if (policy.leadTime === 'previous-day' && date === today) {
    return '当日の予約は受け付けていません（前日までの予約が必要です）'
  }
  if (!policy.windows.some((window) => window.weekday === tokyoDay(date).weekday)) {
    return 'この曜日は相談を受け付けていません'
  }
  return null
}

function slotLinks(office: Pick<SiteOffice, 'slug'>, slots: readonly OpenSlot[]): string {
  return `<ul class="site-slots">${slots
    .map(
      (slot) =>
        `<li><a class="site-slot" href="${officeUrl(office.slug, `/book?slot=${encodeURIComponent(slot.start)}`)}">` +
        `${timeOf(slot.start)}〜${timeOf(slot.end)}<span class="site-slot-remaining">残り${slot.remaining}席</span></a></li>`,
    )
    .join('')}</ul>`
}

export function weekPage(
  office: SiteOffice,
  weekStart: string,
  slots: readonly OpenSlot[],
  now: Date,
): SitePage {
  const days: string[] = []
  for (let i = 0; i < 7; i++) {
    const date = addDays(weekStart, i)
    const daySlots = slots.filter((slot) => slot.start.startsWith(date))
    const reason = daySlots.length ? null : unavailableReason(office, date, now)
    const heading = `<h2>${escapeHtml(dayLabel(date))}</h2>`
    if (daySlots.length) {
      days.push(`<li class="site-day">${heading}${slotLinks(office, daySlots)}</li>`)
    } else {
      const text = reason ?? '空いている時間はありません（満席または受付時間を過ぎました）'
      days.push(
        `<li class="site-day site-day-closed">${heading}<p class="site-day-reason">${escapeHtml(text)}</p></li>`,
      )
    }
  }
  const today = tokyoDateOf(now)
  const thisWeek = weekStartOf(today)
  const previous = addDays(weekStart, -7)
  const next = addDays(weekStart, 7)
  const last = office.inForce ? lastBookableDate(office.inForce.policy, now) : today
  const nav = [
    '<nav class="site-week-nav" aria-label="週の切り替え">',
    weekStart > thisWeek
      ? `<a class="site-button site-button-secondary" href="${officeUrl(office.slug, `/slots?week=${previous}`)}">前の週</a>`
      : '<span></span>',
    next <= last
      ? `<a class="site-button site-button-secondary" href="${officeUrl(office.slug, `/slots?week=${next}`)}">次の週</a>`
      : '<span></span>',
    '</nav>',
  ].join('')
  return {
    title: '相談の日時を選ぶ',
    office: { slug: office.slug, name: office.name },
    body: [
      paragraphs(
        `${dayLabel(weekStart)}から${dayLabel(addDays(weekStart, 6))}までの空き状況です（日本時間）。`,
        `現在時刻：${formatJapaneseDateTime(now)}`,
      ),
      nav,
      `<ul class="site-days">${days.join('\n')}</ul>`,
      nav.replace('aria-label="週の切り替え"', 'aria-label="週の切り替え（ページ下）"'),
    ].join('\n'),
  }
}
