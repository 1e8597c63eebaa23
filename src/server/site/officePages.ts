/** The office list and the office's page: what the policy in force says, in plain Japanese. */
import { CHANNEL_OPTIONS, TOOL_OPTIONS, WEEKDAY_OPTIONS } from '../../collections/options'
import { findChannelPolicy } from '../../rules/booking/checkChannelOffered'
import { applicantFieldLabel } from '../../rules/booking/applicantFields'
import { contactMethodLabels } from '../../rules/booking/messages'
import type { ChannelPolicy, ContactMethod, BookingPolicy } from '../../rules/booking/types'
import { formatEraDate } from '../../lib/tokyoTime'
import { TermsUrls } from '../public/termsViews'
import { factList, paragraphs, type SitePage } from './layout'
import { escapeHtml } from '../../lib/html'
import type { SiteOffice, siteOffices } from './officeData'

const label = (options: { value: string; label: { ja: string } }[], value: string): string =>
  options.find((option) => option.value === value)?.label.ja ?? value

const channelLabel = (channel: string) => label(CHANNEL_OPTIONS, channel)
export const toolLabel = (tool: string) => label(TOOL_OPTIONS, tool)
const weekdayLabel = (weekday: number) => label(WEEKDAY_OPTIONS, String(weekday))

export function officeUrl(slug: string, rest = ''): string {
  return `/offices/${encodeURIComponent(slug)}${rest}`
}

/** Relative links to the public terms pages of this server. */
function termsUrls(slug: string): TermsUrls {
  return new TermsUrls('', slug)
}

function joinJa(values: readonly string[]): string {
  return values.join('、')
}

function methodsText(methods: readonly ContactMethod[]): string {
  return joinJa(methods.map((method) => contactMethodLabels[method]))
}

function hoursText(policy: BookingPolicy): string[] {
  const byWeekday = new Map<number, string[]>()
  for (const window of [...policy.windows].sort((a, b) => a.start.localeCompare(b.start))) {
    const list = byWeekday.get(window.weekday) ?? []
    list.push(`${window.start}〜${window.end}`)
    byWeekday.set(window.weekday, list)
  }
  return [...byWeekday.entries()]
    .sort(([a], [b]) => a - b)
    .map(([weekday, ranges]) => `${weekdayLabel(weekday)}：${joinJa(ranges)}`)
}

function leadTimeText(policy: BookingPolicy): string {
  return policy.leadTime === 'previous-day'
    ? 'ご予約は相談日の前日までに確定している必要があります（当日の予約はできません）。'
    : 'ご予約は相談の開始時刻まで受け付けます。'
}

function howToBook(office: SiteOffice, policy: BookingPolicy): string {
  const parts: string[] = []
  const self = findChannelPolicy(policy, 'self-service')
  const staff = findChannelPolicy(policy, 'staff-scheduled')
  if (self) {
    parts.push(
      `<h3>${escapeHtml(channelLabel('self-service'))}</h3>`,
      paragraphs(
        `このサイトで空いている日時を選び、必要事項を入力してお申し込みください（${policy.bookingWindowDays}日先まで予約できます）。`,
        leadTimeText(policy),
        `お申込みの後、確認のメールをお送りします。${policy.confirmWindowMinutes}分以内にメールのリンクを開いて予約を確定してください。確定されなかったお申込みは自動的に取り消されます。`,
        `入力していただく項目：${joinJa(self.requiredFields.map(applicantFieldLabel))}（必須）${
          self.optionalFields.length
            ? `、${joinJa(self.optionalFields.map(applicantFieldLabel))}（任意）`
            : ''
        }`,
      ),
    )
  }
  if (staff) {
    parts.push(
      `<h3>${escapeHtml(channelLabel('staff-scheduled'))}</h3>`,
      paragraphs(
        '電話またはメールでお申し込みください。職員が日程を調整し、ご連絡します。',
        `お伝えいただくこと：${joinJa(staff.requiredFields.map(applicantFieldLabel))}${
          staff.optionalFields.length
            ? `（任意で${joinJa(staff.optionalFields.map(applicantFieldLabel))}）`
            : ''
        }`,
      ),
      contactHtml(office),
    )
    if (!self) parts.push(paragraphs(leadTimeText(policy)))
  }
  return parts.join('\n')
}

export function contactHtml(office: Pick<SiteOffice, 'name' | 'phone' | 'email'>): string {
  const rows: string[] = []
  if (office.phone) {
    const tel = office.phone.replace(/[^\d+]/g, '')
    rows.push(
      `<dt>電話</dt><dd><a href="tel:${escapeHtml(tel)}">${escapeHtml(office.phone)}</a></dd>`,
    )
  }
  if (office.email) {
    rows.push(
      `<dt>メール</dt><dd><a href="mailto:${escapeHtml(office.email)}">${escapeHtml(office.email)}</a></dd>`,
    )
  }
  if (rows.length === 0) return paragraphs(`連絡先は${office.name}へお問い合わせください。`)
  return `<dl class="site-facts site-contact">${rows.join('')}</dl>`
}

function cancelText(channel: ChannelPolicy): string {
  const sameDay = channel.sameDayCancelBy
  const base = `${channelLabel(channel.channel)}：${methodsText(channel.cancelBy)}でご連絡ください。`
  return sameDay && methodsText(sameDay) !== methodsText(channel.cancelBy)
    ? `${base}相談日の当日は${methodsText(sameDay)}でご連絡ください。`
    : base
}

function noShowText(policy: BookingPolicy): string[] {
  const lines = [
    `開始時刻から${policy.noShowGraceMinutes}分を過ぎても接続されない場合は、連絡のないキャンセル（無断キャンセル）となります。`,
  ]
  if (policy.refuseAfterNoShows > 0) {
    lines.push(
      `無断キャンセルが${policy.refuseAfterNoShows}回になった場合、以後のご利用をお断りすることがあります。`,
    )
  }
  return lines
}

function termsSection(office: SiteOffice): string {
  const urls = termsUrls(office.slug)
  const parts = ['<h2 id="terms">利用規約</h2>']
  if (office.edition) {
    parts.push(
      `<p><a href="${escapeHtml(urls.terms('html'))}">利用規約（第${office.edition.number}版、${escapeHtml(formatEraDate(office.edition.effectiveFrom))}から適用）を読む</a></p>`,
    )
  } else {
    parts.push(paragraphs('利用規約はまだ公開されていません。'))
  }
  if (office.upcoming) {
    const notice = office.upcomingNotice
    const noticeLink =
      notice && notice.previousEditionNumber !== null
        ? urls.compare(notice.previousEditionNumber, office.upcoming.number, 'html')
        : null
    parts.push(
      '<div class="site-notice">',
      `<p>${escapeHtml(formatEraDate(office.upcoming.effectiveFrom))}から利用規約が変わります（第${office.upcoming.number}版）。</p>`,
      notice?.summary ? paragraphs(notice.summary) : '',
      `<p><a href="${escapeHtml(urls.edition(office.upcoming.number, 'html'))}">変更後の利用規約（第${office.upcoming.number}版）を読む</a></p>`,
      noticeLink
        ? `<p><a href="${escapeHtml(noticeLink)}">変更のお知らせ（新旧対照表）を見る</a></p>`
        : '',
      '</div>',
    )
  }
  return parts.join('\n')
}

export function officePage(office: SiteOffice): SitePage {
  const record = office.inForce
  const crumbs = { slug: office.slug, name: office.name }
  if (!record) {
    return {
      title: office.name,
      office: crumbs,
      body: paragraphs('現在、オンライン職業相談の受付はありません。') + contactHtml(office),
    }
  }
  const { policy } = record
  const self = findChannelPolicy(policy, 'self-service')
  const body = [
    self
      ? `<p><a class="site-button" href="${officeUrl(office.slug, '/slots')}">日時を選んで予約する</a></p>`
      : '<div class="site-notice"><p>この事業所ではオンラインでの予約は受け付けていません。電話またはメールでお申し込みください。</p></div>',
    '<h2>相談の方法</h2>',
    factList(
      policy.channels.map((channel) => [
        channelLabel(channel.channel),
        `${joinJa(channel.tools.map(toolLabel))}を使ったオンライン相談（1回${policy.sessionMinutes}分）`,
      ]),
    ),
    '<h2>受付時間</h2>',
    `<ul>${hoursText(policy)
      .map((line) => `<li>${escapeHtml(line)}</li>`)
      .join('')}</ul>`,
    paragraphs('祝日と年末年始（12月29日から1月3日まで）はお休みです。'),
    record.closures.length
      ? `<p>このほかの休業日：${escapeHtml(joinJa(record.closures.map((c) => formatEraDate(c.date) + (c.reason ? `（${c.reason}）` : ''))))}</p>`
      : '',
    '<h2>予約の方法</h2>',
    howToBook(office, policy),
    '<h2>キャンセル</h2>',
    `<ul>${policy.channels.map((channel) => `<li>${escapeHtml(cancelText(channel))}</li>`).join('')}</ul>`,
    '<h2>無断キャンセル</h2>',
    paragraphs(...noShowText(policy)),
    termsSection(office),
  ]
  return { title: office.name, office: crumbs, body: body.join('\n') }
}

export function homePage(offices: Awaited<ReturnType<typeof siteOffices>>): SitePage {
  const open = offices.filter((office) => office.inForce)
  const items = open.map((office) => {
    const policy = office.inForce!.policy
    const tools = [...new Set(policy.channels.flatMap((channel) => channel.tools))]
    const self = findChannelPolicy(policy, 'self-service')
    return [
      '<li class="site-card">',
      `<h2><a href="${officeUrl(office.slug)}">${escapeHtml(office.name)}</a></h2>`,
      factList([
        ['所在地', office.prefecture ?? '—'],
        ['相談の方法', joinJa(tools.map(toolLabel))],
        ['申込み', self ? 'このサイトで予約できます' : '電話・メールでお申し込みください'],
      ]),
      '</li>',
    ].join('\n')
  })
  return {
    title: 'オンライン職業相談の予約',
    body: [
      '<p class="site-lead">ハローワークの職員に、スマートフォンやパソコンからオンラインで就職の相談ができます。相談する事業所を選んでください。</p>',
      items.length
        ? `<ul class="site-card-list">${items.join('\n')}</ul>`
        : paragraphs('現在、オンライン職業相談を受け付けている事業所はありません。'),
    ].join('\n'),
  }
}
