import { describe, expect, it } from 'vitest'
import { formatDuration, formatHours, termsLists, termsVariables } from '../../../src/rules/terms'
import { office, staffOnlyPolicy, twoChannelPolicy, weekdayWindows } from './fixtures'

describe('termsVariables', () => {
  it('names the tool per channel when an office offers both', () => {
    const vars = termsVariables(office, twoChannelPolicy())
    expect(vars.officeName).toBe('ハローワーク架空')
    expect(vars.selfServiceTool).toBe('TeleOffice')
    expect(vars.staffScheduledTool).toBe('Zoom')
    expect(vars.toolNames).toBe('TeleOffice及びZoom')
    expect(vars.toolsSentence).toBe(
      '予約サイトから申し込んだ場合はTeleOfficeを、電話又はメールで申し込んだ場合は原則としてZoomを使用します。',
    )
  })

  it('says staff choose when one channel has several tools', () => {
    const vars = termsVariables(office, staffOnlyPolicy())
    expect(vars.staffScheduledTool).toBe('TeleOffice又はZoom（職員が選択）')
    expect(vars.toolsSentence).toContain('当所が決めて')
    expect(vars.selfServiceTool).toBeUndefined()
  })

  it('writes session length, grace, court and law from the policy', () => {
    const vars = termsVariables(office, staffOnlyPolicy())
    expect(vars.sessionMinutes).toBe('30')
    expect(vars.noShowGraceMinutes).toBe('15')
    expect(vars.court).toBe('前橋地方裁判所')
    expect(vars.governingLaw).toBe('日本法')
    expect(vars.leadTimeSentence).toContain('前日まで')
    expect(termsVariables(office, twoChannelPolicy()).leadTimeSentence).toContain('開始時刻まで')
  })

  it('describes confirm and cancel per channel', () => {
    const both = termsVariables(office, twoChannelPolicy())
    expect(both.selfServiceConfirm).toContain('1時間以内')
    expect(both.selfServiceConfirm).toContain('自動的に取り消されます')
    expect(both.selfServiceCancel).toContain('取消用のリンク')
    expect(both.staffScheduledCancel).toBe(
      '予約を取り消すときは、電話又はメールで当所にご連絡ください。ただし、相談当日の取消しは、電話による連絡に限ります。',
    )
    expect(both.staffScheduledArrange).toContain('URL')

    const staff = termsVariables(office, staffOnlyPolicy({ confirmWindowMinutes: 45 }))
    expect(staff.staffScheduledCancel).toBe('予約を取り消すときは、電話で当所にご連絡ください。')
    expect(staff.selfServiceConfirm).toBeUndefined()
  })

  it('prints the public phone and mail where applicants are told to call or write', () => {
    const withContacts = { ...office, phone: '0000-00-0000', email: 'office@example.test' }
    expect(termsVariables(withContacts, staffOnlyPolicy()).staffScheduledCancel).toBe(
      '予約を取り消すときは、電話（0000-00-0000）で当所にご連絡ください。',
    )
    const both = termsVariables(withContacts, twoChannelPolicy())
    expect(both.staffScheduledCancel).toContain(
      '電話（0000-00-0000）又はメール（office@example.test）',
    )
  })

  it('sets a flag for each channel, offered or not', () => {
    const staff = termsVariables(office, staffOnlyPolicy())
    expect(staff['channel:self-service']).toBe('false')
    expect(staff['channel:staff-scheduled']).toBe('true')
    expect(staff['channels:several']).toBe('false')
    expect(termsVariables(office, twoChannelPolicy())['channels:several']).toBe('true')
  })

  it('mentions the refusal threshold only when the office sets one', () => {
    expect(termsVariables(office, twoChannelPolicy()).noShowSentence).toContain('3回に達した')
    expect(termsVariables(office, staffOnlyPolicy()).noShowSentence).not.toContain('回に達した')
  })
})

describe('termsLists', () => {
  it('lists eligibility and the fields each channel asks for', () => {
    const lists = termsLists(office, twoChannelPolicy())
    expect(lists.eligibility).toEqual([
      '求職の申込みを済ませていること',
      'カメラ付きの端末を用意できること',
    ])
    expect(lists.selfServiceFields).toEqual([
      '氏名（必須）',
      'メールアドレス（必須）',
      '電話番号（必須）',
      '求職番号（任意）',
      '連絡事項（任意）',
    ])
    expect(lists.staffScheduledFields).toContain(
      '希望日時（平日9:30～12:00、13:00～16:30のうちの30分間）',
    )
  })

  it('does not mark fields when none is optional', () => {
    expect(termsLists(office, staffOnlyPolicy()).staffScheduledFields).toEqual([
      '氏名',
      '求職番号',
      '希望日時（平日10:00～12:00、14:00～16:00のうちの30分間）',
      'メールアドレス',
    ])
  })
})

describe('formatHours', () => {
  it('groups Monday to Friday as 平日', () => {
    expect(formatHours(weekdayWindows(['14:00', '16:00'], ['10:00', '12:00']))).toBe(
      '平日10:00～12:00、14:00～16:00',
    )
  })

  it('lists days with their own hours otherwise', () => {
    const hours = formatHours([
      { weekday: 1, start: '10:00', end: '12:00' },
      { weekday: 2, start: '10:00', end: '12:00' },
      { weekday: 3, start: '10:00', end: '12:00' },
      { weekday: 5, start: '13:00', end: '16:00' },
      { weekday: 6, start: '10:00', end: '12:00' },
    ])
    expect(hours).toBe('月曜日～水曜日・土曜日（10:00～12:00）、金曜日（13:00～16:00）')
  })

  it('says 毎日 when every day is the same', () => {
    const daily = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
      weekday,
      start: '09:00',
      end: '10:00',
    }))
    expect(formatHours(daily)).toBe('毎日9:00～10:00')
  })

  it('separates 平日 from a different Saturday', () => {
    const hours = formatHours([
      ...weekdayWindows(['10:00', '12:00']),
      { weekday: 6, start: '09:00', end: '11:00' },
    ])
    expect(hours).toBe('平日（10:00～12:00）、土曜日（9:00～11:00）')
  })
})

describe('formatDuration', () => {
  it('uses hours for whole hours and minutes otherwise', () => {
    expect(formatDuration(60)).toBe('1時間')
    expect(formatDuration(120)).toBe('2時間')
    expect(formatDuration(90)).toBe('90分')
    expect(formatDuration(30)).toBe('30分')
  })
})
