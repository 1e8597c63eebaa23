import { describe, expect, it } from 'vitest'

import { listSlots } from '../../../src/rules/booking/listSlots'
import { addDays } from '../../../src/lib/tokyoTime'
import { demoPolicies } from '../../../src/seed/policies'
import type { SiteOffice } from '../../../src/server/site/officeData'
import { weekPage, weekStartOf } from '../../../src/server/site/slotPages'

const policy = { ...demoPolicies['kitakyushu-mothers'], closures: ['2027-01-14'] }
const record = {
  id: 1,
  effectiveFrom: policy.effectiveFrom,
  policy,
  closures: [{ date: '2027-01-14', reason: '設備点検' }],
}
const office = {
  id: 1,
  slug: 'kitakyushu-mothers',
  name: 'マザーズハローワーク北九州',
  records: [record],
  inForce: record,
} as unknown as SiteOffice

/** The week's days as "M月D日（曜）: reason or slot count", from the rendered page. */
function days(now: Date, weekStart: string): string[] {
  const slots = listSlots({
    policies: [policy],
    from: weekStart,
    to: addDays(weekStart, 6),
    now,
    channel: 'self-service',
  })
  const html = weekPage(office, weekStart, slots, now).body
  return [
    ...html.matchAll(/<li class="site-day[^"]*"><h2>([^<]+)<\/h2>(.*?)<\/li>(?=\n|<\/ul>)/gs),
  ].map(([, day, rest]) => {
    const reason = /<p class="site-day-reason">([^<]+)<\/p>/.exec(rest!)
    return `${day}: ${reason ? reason[1] : `${(rest!.match(/class="site-slot"/g) ?? []).length}枠`}`
  })
}

describe('week page', () => {
  it('says why each day without times is unavailable', () => {
    const now = new Date('2027-01-12T11:10:00+09:00')
    expect(weekStartOf('2027-01-12')).toBe('2027-01-11')
    expect(days(now, '2027-01-11')).toEqual([
      '1月11日（月）: 過ぎた日は予約できません',
      '1月12日（火）: 7枠',
      '1月13日（水）: 10枠',
      '1月14日（木）: 休業日です（設備点検）',
      '1月15日（金）: 10枠',
      '1月16日（土）: この曜日は相談を受け付けていません',
      '1月17日（日）: この曜日は相談を受け付けていません',
    ])
  })

  it('marks holidays, the year end and days past the booking window', () => {
    const now = new Date('2026-12-21T09:00:00+09:00')
    expect(days(now, '2026-12-28')).toEqual([
      '12月28日（月）: 10枠',
      '12月29日（火）: 年末年始のため休みです',
      '12月30日（水）: 年末年始のため休みです',
      '12月31日（木）: 年末年始のため休みです',
      '1月1日（金）: 年末年始のため休みです',
      '1月2日（土）: 年末年始のため休みです',
      '1月3日（日）: 年末年始のため休みです',
    ])
    expect(days(now, '2027-01-18')).toEqual([
      '1月18日（月）: 10枠',
      '1月19日（火）: 10枠',
      '1月20日（水）: 10枠',
      '1月21日（木）: まだ予約を受け付けていません（30日先まで予約できます）',
      '1月22日（金）: まだ予約を受け付けていません（30日先まで予約できます）',
      '1月23日（土）: まだ予約を受け付けていません（30日先まで予約できます）',
      '1月24日（日）: まだ予約を受け付けていません（30日先まで予約できます）',
    ])
    expect(days(new Date('2027-01-04T09:00:00+09:00'), '2027-01-11')[0]).toBe(
      '1月11日（月）: 祝日のため休みです',
    )
  })
})
