'use client'

import { useRowLabel, useTranslation } from '@payloadcms/ui'

import { adminText } from '../shared/text'

const WEEKDAYS = {
  ja: ['', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日', '日曜日'],
  en: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
}

/** 月曜日 10:00〜12:00: a collapsed row of the weekly hours says what it holds. */
export function WindowRowLabel() {
  const { data, rowNumber } = useRowLabel<{ weekday?: string; start?: string; end?: string }>()
  const { i18n } = useTranslation()
  const names = i18n.language === 'en' ? WEEKDAYS.en : WEEKDAYS.ja
  const weekday = names[Number(data?.weekday)] ?? ''
  const text = adminText(i18n.language)
  const hours =
    data?.start || data?.end ? `${data?.start ?? ''}${text.common.until}${data?.end ?? ''}` : ''
  const label = [weekday, hours].filter(Boolean).join(' ')
  return (
    <span className="kiyaku-row-label">{label || text.grid.windowRow((rowNumber ?? 0) + 1)}</span>
  )
}

/** オンライン予約（本人）: Zoom */
export function ChannelRowLabel() {
  const { data, rowNumber } = useRowLabel<{
    channel?: 'self-service' | 'staff-scheduled'
    tools?: ('teleoffice' | 'zoom')[]
  }>()
  const { i18n } = useTranslation()
  const text = adminText(i18n.language)
  if (!data?.channel)
    return <span className="kiyaku-row-label">{`${text.day.method} ${(rowNumber ?? 0) + 1}`}</span>
  const tools = (data.tools ?? []).map((tool) => text.tool[tool]).join(text.common.listSeparator)
  return (
    <span className="kiyaku-row-label">{`${text.channel[data.channel]}${tools ? `: ${tools}` : ''}`}</span>
  )
}

/** 2026-08-13 夏季休業 */
export function ClosureRowLabel() {
  const { data, rowNumber } = useRowLabel<{ date?: string; reason?: string }>()
  const label = [data?.date, data?.reason].filter(Boolean).join(' ')
  return <span className="kiyaku-row-label">{label || `${(rowNumber ?? 0) + 1}`}</span>
}
