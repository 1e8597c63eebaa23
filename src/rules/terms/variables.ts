/**
 * The values a terms template may use, derived from the office and its reservation policy.
 * Booking hooks enforce the same policy, so the terms cannot drift from what is enforced.
 *
 * Digits are ASCII throughout so every generated sentence follows one style.
 */
import { applicantFieldLabel } from '../booking/applicantFields'
import type {
  ApplicantField,
  Channel,
  ChannelPolicy,
  ContactMethod,
  BookingPolicy,
  Tool,
  Weekday,
  WeeklyWindow,
} from '../booking/types'

/**
 * The office as the terms read it, under the office's own field names. Its signatoryTitle prints
 * as the document's signatory: the template variable and the edition's field keep the name
 * `signatory` because HQ templates and published editions store it.
 */
export interface TermsOffice {
  name: string
  signatoryTitle: string
  /** The office's public phone and mail, printed where the terms ask applicants to call or write. */
  phone?: string | null
  email?: string | null
}

/** What each variable holds, for template authors. */
export const termsVariableDescriptions: Readonly<Record<string, string>> = {
  officeName: '事務所名（例: ハローワーク伊勢崎）',
  signatory: '署名者（例: 伊勢崎公共職業安定所長）',
  servicesName: '利用規約が対象とするサービスの総称（予約サイトがある場合はそれを含む）',
  toolNames: '使用するアプリケーションの一覧（例: TeleOffice及びZoom）',
  toolNamesEither: '同意が必要な提供者の規約のアプリケーション（例: TeleOffice又はZoom）',
  toolsSentence: '申込み方法ごとに使用するアプリケーションを説明する文（不要な場合は空）',
  selfServiceTool: '予約サイトから申し込んだ場合のアプリケーション',
  staffScheduledTool: '電話又はメールで申し込んだ場合のアプリケーション',
  sessionMinutes: '1回の相談時間（分）',
  hours: '相談を受け付ける曜日と時間帯（例: 平日10:00～12:00、14:00～16:00）',
  leadTimeSentence: '予約をいつまでに確定させる必要があるかの文',
  bookingWindowDays: '何日先まで予約できるか（日数）',
  confirmWindow: '予約サイトでの申込みを確定させる期限（例: 1時間）',
  selfServiceBooking: '予約サイトでの申込み方法の文',
  selfServiceConfirm: '予約サイトでの申込みの確定方法と期限切れの扱いの文',
  selfServiceCancel: '予約サイトで申し込んだ予約の取消し方法の文',
  staffScheduledBooking: '電話又はメールでの申込み方法の文（お知らせいただく事項の前置き）',
  staffScheduledArrange: '職員による日時と接続先の調整・連絡の文',
  staffScheduledCancel: '電話又はメールで申し込んだ予約の取消し方法の文',
  noShowGraceMinutes: '無断キャンセルとみなすまでの猶予（分）',
  noShowSentence: '無断キャンセルの扱いと利用のお断りの文',
  court: '第一審の専属的合意管轄裁判所',
  governingLaw: '準拠法',
}

/** The flags a template's `when` conditions may test. Each is 'true' or 'false'. */
export const termsFlagDescriptions: Readonly<Record<string, string>> = {
  'channel:self-service': '予約サイトでの申込みを受け付ける',
  'channel:staff-scheduled': '電話又はメールでの申込みを受け付ける',
  'channels:several': '申込み方法が複数ある',
  'leadTime:before-start': '相談開始時刻までに予約を確定させればよい',
  'leadTime:previous-day': '前日までに予約を確定させる必要がある',
  'eligibility:any': '利用者が満たすべき条件が1つ以上ある',
}

/** The list variables a template's `itemsFrom` / `subItemsFrom` may name. */
export const termsListDescriptions: Readonly<Record<string, string>> = {
  eligibility: '対象者の条件（予約時に申込者が確認するもの）',
  selfServiceFields: '予約サイトで入力する事項',
  staffScheduledFields: '電話又はメールで申し込む際にお知らせいただく事項',
}

const CHANNEL_ORDER: readonly Channel[] = ['self-service', 'staff-scheduled']

const TOOL_NAMES: Record<Tool, string> = { teleoffice: 'TeleOffice', zoom: 'Zoom' }

const WEEKDAY_NAMES: Record<Weekday, string> = {
  1: '月曜日',
  2: '火曜日',
  3: '水曜日',
  4: '木曜日',
  5: '金曜日',
  6: '土曜日',
  7: '日曜日',
}

const CHANNEL_APPLICATION: Record<Channel, string> = {
  'self-service': '予約サイトから申し込んだ場合',
  'staff-scheduled': '電話又はメールで申し込んだ場合',
}

export function termsVariables(office: TermsOffice, policy: BookingPolicy): Record<string, string> {
  const channels = offeredChannels(policy)
  const selfService = channels.find((c) => c.channel === 'self-service')
  const staffScheduled = channels.find((c) => c.channel === 'staff-scheduled')
  const hours = formatHours(policy.windows)

  const values: Record<string, string> = {
    officeName: office.name,
    signatory: office.signatoryTitle,
    servicesName: selfService ? '予約機能及びオンライン職業相談等' : 'オンライン職業相談等',
    toolNames: joinJapanese(distinct(channels.flatMap((c) => c.tools)).map(toolName), '及び'),
    // The applicant uses one of them, so the seeds say Zoom 又は TeleOffice here.
    toolNamesEither: joinJapanese(distinct(channels.flatMap((c) => c.tools)).map(toolName), '又は'),
    toolsSentence: toolsSentence(channels),
    sessionMinutes: String(policy.sessionMinutes),
    hours,
    leadTimeSentence: leadTimeSentence(policy),
    bookingWindowDays: String(policy.bookingWindowDays),
    confirmWindow: formatDuration(policy.confirmWindowMinutes),
    noShowGraceMinutes: String(policy.noShowGraceMinutes),
    noShowSentence: noShowSentence(policy),
    court: policy.court,
    governingLaw: policy.governingLaw,
  }

  if (selfService) {
    values.selfServiceTool = channelToolDescription(selfService)
    values.selfServiceBooking =
      (staffScheduled
        ? '予約機能を使って申し込むときは、'
        : '申込みは予約機能で受け付けます。申し込むときは、') +
      `予約サイトで${office.name}と希望する時間帯を選び、次の事項を入力してください。`
    values.selfServiceConfirm =
      `申込み後に送られてくるメールのリンクを${formatDuration(policy.confirmWindowMinutes)}以内に開くと、予約が確定します。` +
      'その時間内に確定しなかった申込みは、自動的に取り消されます。'
    values.selfServiceCancel = cancelSentence(selfService, office)
  }
  if (staffScheduled) {
    values.staffScheduledTool = channelToolDescription(staffScheduled)
    values.staffScheduledBooking = selfService
      ? '電話又はメールで申し込むときは、次の事項をお知らせください。'
      : '申込みは電話又はメールで受け付けます。申し込むときは、次の事項をお知らせください。'
    values.staffScheduledArrange =
      '申込みを受けた後、当所が日程を調整し、相談の日時及び接続先のURLをお知らせします。'
    values.staffScheduledCancel = cancelSentence(staffScheduled, office)
  }

  for (const channel of CHANNEL_ORDER) {
    values[`channel:${channel}`] = flag(channels.some((c) => c.channel === channel))
  }
  values['channels:several'] = flag(channels.length > 1)
  values['leadTime:before-start'] = flag(policy.leadTime === 'before-start')
  values['leadTime:previous-day'] = flag(policy.leadTime === 'previous-day')
  values['eligibility:any'] = flag(policy.eligibility.length > 0)
  return values
}

/** List-valued variables, which become items or sub-items of a template paragraph. */
export function termsLists(_office: TermsOffice, policy: BookingPolicy): Record<string, string[]> {
  const lists: Record<string, string[]> = {
    eligibility: policy.eligibility.map((statement) => statement.termsText ?? statement.text),
  }
  for (const channel of offeredChannels(policy)) {
    const name = channel.channel === 'self-service' ? 'selfServiceFields' : 'staffScheduledFields'
    lists[name] = fieldLabels(channel, policy)
  }
  return lists
}

/**
 * Bookable hours as one phrase: 平日10:00～12:00、14:00～16:00 when Monday to Friday share
 * the same windows and the weekend has none; otherwise days with the same windows are grouped,
 * e.g. 月曜日～水曜日（10:00～12:00）、金曜日（13:00～16:00）.
 */
export function formatHours(windows: readonly WeeklyWindow[]): string {
  const byDay = new Map<Weekday, string>()
  for (const day of [1, 2, 3, 4, 5, 6, 7] as const) {
    const ranges = windows
      .filter((w) => w.weekday === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((w) => `${formatTime(w.start)}～${formatTime(w.end)}`)
    if (ranges.length > 0) byDay.set(day, ranges.join('、'))
  }
  if (byDay.size === 0) return '（受付時間なし）'

  const schedules = distinct([...byDay.values()])
  const onlyWeekdays = [1, 2, 3, 4, 5].every((d) => byDay.has(d as Weekday)) && byDay.size === 5
  if (schedules.length === 1 && onlyWeekdays) return `平日${schedules[0]}`
  if (schedules.length === 1 && byDay.size === 7) return `毎日${schedules[0]}`

  return schedules
    .map((schedule) => {
      const days = [...byDay].filter(([, s]) => s === schedule).map(([day]) => day)
      return `${formatDays(days)}（${schedule}）`
    })
    .join('、')
}

/** 60 → 1時間, 90 → 90分: whole hours read more naturally, anything else stays in minutes. */
export function formatDuration(minutes: number): string {
  return minutes > 0 && minutes % 60 === 0 ? `${minutes / 60}時間` : `${minutes}分`
}

function offeredChannels(policy: BookingPolicy): ChannelPolicy[] {
  return CHANNEL_ORDER.flatMap((channel) => policy.channels.filter((c) => c.channel === channel))
}

function toolName(tool: Tool): string {
  return TOOL_NAMES[tool]
}

function channelToolDescription(channel: ChannelPolicy): string {
  const names = channel.tools.map(toolName)
  return names.length > 1 ? `${joinJapanese(names, '又は')}（職員が選択）` : (names[0] ?? '')
}

function toolsSentence(channels: readonly ChannelPolicy[]): string {
  if (channels.length === 1) {
    return (channels[0]?.tools.length ?? 0) > 1
      ? 'いずれを使用するかは、当所が決めてお知らせします。'
      : ''
  }
  const clauses = channels.map((channel) => {
    const names = channel.tools.map(toolName)
    // A phone or mail booking's tool is the office's general rule, which staff may depart from.
    const tools =
      names.length > 1
        ? `${joinJapanese(names, '又は')}のうち当所が指定するもの`
        : channel.channel === 'staff-scheduled'
          ? `原則として${names[0]}`
          : names[0]
    return `${CHANNEL_APPLICATION[channel.channel]}は${tools}を`
  })
  return `${clauses.join('、')}使用します。`
}

function leadTimeSentence(policy: BookingPolicy): string {
  return policy.leadTime === 'previous-day'
    ? '相談を受けられるのは、原則として相談日の前日までに予約が確定している場合に限ります。'
    : '相談を受けられるのは、相談の開始時刻までに予約が確定している場合に限ります。'
}

function noShowSentence(policy: BookingPolicy): string {
  const grace =
    `連絡がないまま予約した時刻から${policy.noShowGraceMinutes}分を過ぎても相談を始められないときは、` +
    '予約は取り消されたものとして扱います。'
  // One, or none set, reads as the seeds do: a single unannounced cancellation may be enough.
  const refusal =
    policy.refuseAfterNoShows > 1
      ? `このような連絡のない取消しが${policy.refuseAfterNoShows}回に達したときは、以後の利用をお断りすることがあります。`
      : '連絡のない取消しがあったときは、以後の利用をお断りすることがあります。'
  return grace + refusal
}

function cancelSentence(channel: ChannelPolicy, office: TermsOffice): string {
  const main = `予約を取り消すときは、${cancelInstruction(channel.cancelBy, office)}`
  const sameDay = channel.sameDayCancelBy
  if (!sameDay || sameSet(sameDay, channel.cancelBy)) return main
  return `${main}ただし、相談当日の取消しは、${joinJapanese(sameDay.map(meansNoun), '又は')}に限ります。`
}

function cancelInstruction(methods: readonly ContactMethod[], office: TermsOffice): string {
  const contacts = methods.filter((m) => m !== 'link').map((m) => contactWithAddress(m, office))
  const contactPart =
    contacts.length > 0 ? `${joinJapanese(contacts, '又は')}で当所にご連絡ください。` : ''
  if (methods.includes('link')) {
    const linkPart = '予約確定のメールに記載された取消用のリンクから手続'
    return contactPart ? `${linkPart}するか、${contactPart}` : `${linkPart}してください。`
  }
  return contactPart || '当所にお問い合わせください。'
}

function contactName(method: ContactMethod): string {
  return method === 'phone' ? '電話' : method === 'email' ? 'メール' : '取消用のリンク'
}

/** 電話（0270-23-8609）: an applicant told to call must be told the number. */
function contactWithAddress(method: ContactMethod, office: TermsOffice): string {
  const address = method === 'phone' ? office.phone : method === 'email' ? office.email : null
  const trimmed = address?.trim()
  return trimmed ? `${contactName(method)}（${trimmed}）` : contactName(method)
}

function meansNoun(method: ContactMethod): string {
  return method === 'link' ? '取消用のリンクからの手続' : `${contactName(method)}による連絡`
}

function fieldLabels(channel: ChannelPolicy, policy: BookingPolicy): string[] {
  const marked = channel.optionalFields.length > 0
  const label = (field: ApplicantField): string =>
    field === 'desiredDateTime'
      ? `${applicantFieldLabel(field)}（${formatHours(policy.windows)}のうちの${policy.sessionMinutes}分間）`
      : applicantFieldLabel(field)
  return [
    ...channel.requiredFields.map((f) => (marked ? `${label(f)}（必須）` : label(f))),
    ...channel.optionalFields.map((f) => `${label(f)}（任意）`),
  ]
}

function formatTime(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1')
}

/** Runs of three or more consecutive days read as 月曜日～水曜日; others are listed with ・. */
function formatDays(days: readonly Weekday[]): string {
  if (days.length === 5 && days.every((d, i) => d === i + 1)) return '平日'
  const runs: Weekday[][] = []
  for (const day of days) {
    const run = runs[runs.length - 1]
    if (run && run[run.length - 1] === day - 1) run.push(day)
    else runs.push([day])
  }
  return runs
    .flatMap((run) =>
      run.length >= 3
        ? [`${WEEKDAY_NAMES[run[0]!]}～${WEEKDAY_NAMES[run[run.length - 1]!]}`]
        : run.map((d) => WEEKDAY_NAMES[d]),
    )
    .join('・')
}

/** A、B及びC: Japanese lists put the conjunction before the last entry only. */
function joinJapanese(words: readonly string[], conjunction: string): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join('、')}${conjunction}${words[words.length - 1]}`
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((x) => right.has(x))
}

function flag(value: boolean): string {
  return value ? 'true' : 'false'
}
