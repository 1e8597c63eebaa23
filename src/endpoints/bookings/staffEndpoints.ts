/**
 * Staff endpoints on the bookings collection (under /api with Payload's authentication):
 * a search across dates and a CSV export of a date range. Both read with the user's own access
 * and only within the offices the user works for. Neither puts personal data in a URL: the search
 * text and the export's dates travel in POST bodies.
 */
import { stringify } from 'csv-stringify/sync'
import {
  addDataAndFileToRequest,
  APIError,
  type PayloadHandler,
  type PayloadRequest,
  type Where,
} from 'payload'
import { z } from 'zod'

import { officeIdsOf, roleOf, type Role } from '../../access/roles'
import { bilingual } from '../../collections/i18n'
import {
  BOOKING_STATUS_OPTIONS,
  CHANNEL_OPTIONS,
  CONTACT_METHOD_OPTIONS,
  TOOL_OPTIONS,
} from '../../collections/options'
import type { Booking, Office } from '../../payload-types'
import { applicantField } from '../../rules/booking/applicantFields'
import {
  bookingExportColumns,
  EXPORT_MAX_DAYS,
  maySeeContacts,
  spreadsheetSafe,
  type BookingExportColumn,
} from '../../rules/booking/bookingExport'
import { STAFF_SEARCH_MAX_LENGTH, staffSearchTerms } from '../../rules/booking/staffSearch'
import { addDays, formatTokyoIso, isIsoDate, tokyoDay } from '../../lib/tokyoTime'
import { idOf } from '../../lib/ids'

const STAFF_SEARCH_LIMIT = 50

function staffError(code: string, message: string, status: number): APIError {
  return new APIError(message, status, { code }, true)
}

/** The ids of the offices this request may read bookings of, or a 403 for anyone else. */
async function officeScope(req: PayloadRequest, requested: string | undefined) {
  const role = roleOf(req.user)
  if (!role) throw staffError('forbidden', 'ログインしてください。', 403)
  const { docs } = await req.payload.find({
    collection: 'offices',
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const mine = officeIdsOf(req.user).map(String)
  const offices = role === 'hq-admin' ? docs : docs.filter((o) => mine.includes(String(o.id)))
  if (requested === undefined || requested === '') return { role, offices }
  const picked = offices.filter((office) => String(office.id) === requested)
  if (picked.length === 0)
    throw staffError('forbidden', 'この事業所の予約を見る権限がありません。', 403)
  return { role, offices: picked }
}

const searchBody = z.object({
  q: z.string().max(STAFF_SEARCH_MAX_LENGTH * 4),
  office: z.union([z.string(), z.number()]).optional(),
})

export interface StaffSearchHit {
  id: number | string
  reference: string | null
  office: string
  slotStart: string
  slotEnd: string | null
  status: Booking['status']
  channel: Booking['channel']
  tool: Booking['tool']
  meetingUrl: string | null
  name: string | null
  jobSeekerNumber: string | null
  /** Only for HQ and office admins (maySeeContacts), as in the CSV export. */
  email: string | null
}

/** POST /api/bookings/search { q, office? } — staff, office admins and HQ, within their offices. */
export const searchBookingsEndpoint: PayloadHandler = async (req) => {
  await addDataAndFileToRequest(req)
  const parsed = searchBody.safeParse(req.data ?? {})
  if (!parsed.success) throw staffError('invalid_request', '検索の指定が正しくありません。', 400)
  const { role, offices } = await officeScope(
    req,
    parsed.data.office === undefined ? undefined : String(parsed.data.office),
  )
  const terms = staffSearchTerms(parsed.data.q)
  if (!terms)
    throw staffError(
      'search_too_short',
      '予約番号・氏名・求職番号・メールアドレスのいずれかを2文字以上入力してください。',
      400,
    )
  const keys: Where[] = []
  if (terms.reference) keys.push({ reference: { equals: terms.reference } })
  if (terms.jobSeekerNumber)
    keys.push({ 'applicant.jobSeekerNumber': { equals: terms.jobSeekerNumber } })
  if (terms.email) keys.push({ 'applicant.email': { equals: terms.email } })
  if (terms.nameWords.length > 0)
    keys.push({ and: terms.nameWords.map((word) => ({ 'applicant.name': { like: word } })) })
  if (offices.length === 0 || keys.length === 0) return Response.json({ hits: [], more: false })

  const { docs, hasNextPage } = await req.payload.find({
    collection: 'bookings',
    where: { and: [{ office: { in: offices.map((o) => o.id) } }, { or: keys }] },
    sort: '-slotStart',
    limit: STAFF_SEARCH_LIMIT,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const hits: StaffSearchHit[] = docs.map((booking) => ({
    id: booking.id,
    reference: booking.reference ?? null,
    office: officeName(offices, booking.office),
    slotStart: booking.slotStart,
    slotEnd: booking.slotEnd ?? null,
    status: booking.status,
    channel: booking.channel,
    tool: booking.tool ?? null,
    meetingUrl: booking.meetingUrl ?? null,
    name: booking.applicant?.name ?? null,
    jobSeekerNumber: booking.applicant?.jobSeekerNumber ?? null,
    // Staff may search by e-mail (an applicant may give it on the phone) but are not shown it.
    email: maySeeContacts(role as Role) ? (booking.applicant?.email ?? null) : null,
  }))
  return Response.json({ hits, more: hasNextPage }, { headers: { 'cache-control': 'no-store' } })
}

function officeName(offices: Office[], office: unknown): string {
  const id = idOf(office)
  return offices.find((o) => String(o.id) === String(id))?.name ?? ''
}

const exportBody = z.object({
  from: z.string().refine(isIsoDate),
  to: z.string().refine(isIsoDate),
  office: z.union([z.string().max(64), z.number()]).optional(),
  contact: z.union([z.enum(['0', '1']), z.boolean()]).optional(),
})

const HEADERS = {
  reference: bilingual('予約番号', 'Reference'),
  office: bilingual('事業所', 'Office'),
  date: bilingual('日付', 'Date'),
  start: bilingual('開始', 'Starts'),
  end: bilingual('終了', 'Ends'),
  status: bilingual('状態', 'Status'),
  channel: bilingual('受付方法', 'Channel'),
  tool: bilingual('使用ツール', 'Tool'),
  meetingUrl: bilingual('接続URL', 'Meeting URL'),
  name: applicantField('name').label,
  jobSeekerNumber: applicantField('jobSeekerNumber').label,
  email: applicantField('email').label,
  phone: applicantField('phone').label,
  cancelVia: bilingual('キャンセルの連絡手段', 'Cancellation came by'),
  createdAt: bilingual('登録日時', 'Created'),
} satisfies Record<BookingExportColumn, { ja: string; en: string }>

type Language = 'ja' | 'en'

function optionLabel(
  options: { value: string; label: { ja: string; en: string } }[],
  value: string | null | undefined,
  language: Language,
): string {
  if (!value) return ''
  return options.find((option) => option.value === value)?.label[language] ?? value
}

/** "2026-04-01T10:00:00+09:00" → ["2026-04-01", "10:00"] */
function tokyoDateAndTime(instant: string | null | undefined): [string, string] {
  if (!instant) return ['', '']
  const iso = formatTokyoIso(new Date(instant))
  return [iso.slice(0, 10), iso.slice(11, 16)]
}

function cellsOf(
  booking: Booking,
  offices: Office[],
  language: Language,
): Record<BookingExportColumn, string> {
  const [date, start] = tokyoDateAndTime(booking.slotStart)
  const [, end] = tokyoDateAndTime(booking.slotEnd)
  const [createdDate, createdTime] = tokyoDateAndTime(booking.createdAt)
  return {
    reference: booking.reference ?? '',
    office: officeName(offices, booking.office),
    date,
    start,
    end,
    status: optionLabel(BOOKING_STATUS_OPTIONS, booking.status, language),
    channel: optionLabel(CHANNEL_OPTIONS, booking.channel, language),
    tool: optionLabel(TOOL_OPTIONS, booking.tool, language),
    meetingUrl: booking.meetingUrl ?? '',
    name: booking.applicant?.name ?? '',
    jobSeekerNumber: booking.applicant?.jobSeekerNumber ?? '',
    email: booking.applicant?.email ?? '',
    phone: booking.applicant?.phone ?? '',
    cancelVia: optionLabel(CONTACT_METHOD_OPTIONS, booking.cancelVia, language),
    createdAt: createdDate ? `${createdDate} ${createdTime}` : '',
  }
}

/**
 * POST /api/bookings/export { from: YYYY-MM-DD, to: YYYY-MM-DD, office?, contact? } — a POST
 * because each export writes an audit entry (a GET must not change anything). The bookings
 * starting on those Tokyo days (both included), as CSV in UTF-8 with a BOM and CRLF line ends,
 * which Excel opens with the Japanese text intact. Each export is written to the audit log with
 * who, when, which offices and days, how many rows and whether contacts were included; never a
 * row of the data itself.
 */
export const exportBookingsEndpoint: PayloadHandler = async (req) => {
  await addDataAndFileToRequest(req)
  const parsed = exportBody.safeParse(req.data ?? {})
  if (!parsed.success)
    throw staffError(
      'invalid_request',
      '期間（from, to）を YYYY-MM-DD の形式で指定してください。',
      400,
    )
  const { from, to } = parsed.data
  if (to < from)
    throw staffError('invalid_range', '終了日は開始日以降の日付を指定してください。', 400)
  if (tokyoDay(to).startMs - tokyoDay(from).startMs >= EXPORT_MAX_DAYS * 86_400_000)
    throw staffError('range_too_long', `一度に書き出せる期間は${EXPORT_MAX_DAYS}日までです。`, 400)
  const { role, offices } = await officeScope(
    req,
    parsed.data.office === undefined ? undefined : String(parsed.data.office),
  )
  const withContacts = parsed.data.contact === '1' || parsed.data.contact === true
  if (withContacts && !maySeeContacts(role as Role))
    throw staffError(
      'contact_export_forbidden',
      '連絡先（メールアドレス・電話番号）を含めて書き出せるのは本部と事業所の管理者のみです。',
      403,
    )
  const bookings =
    offices.length === 0
      ? []
      : (
          await req.payload.find({
            collection: 'bookings',
            where: {
              and: [
                { office: { in: offices.map((o) => o.id) } },
                {
                  slotStart: { greater_than_equal: new Date(tokyoDay(from).startMs).toISOString() },
                },
                {
                  slotStart: {
                    less_than: new Date(tokyoDay(addDays(to, 1)).startMs).toISOString(),
                  },
                },
              ],
            },
            sort: 'slotStart',
            pagination: false,
            depth: 0,
            overrideAccess: false,
            user: req.user,
            req,
          })
        ).docs

  const language: Language = req.i18n?.language === 'en' ? 'en' : 'ja'
  const columns = bookingExportColumns(withContacts)
  const csv = stringify(
    bookings.map((booking) => {
      const cells = cellsOf(booking, offices, language)
      return Object.fromEntries(columns.map((column) => [column, spreadsheetSafe(cells[column])]))
    }),
    {
      bom: true,
      header: true,
      columns: columns.map((column) => ({ key: column, header: HEADERS[column][language] })),
      record_delimiter: 'windows',
    },
  )

  await req.payload.db.create({
    collection: 'audit-log',
    req,
    returning: false,
    data: {
      at: new Date().toISOString(),
      action: 'bookings.export',
      collectionSlug: 'bookings',
      documentId: `export:${from}..${to}`,
      office: offices.length === 1 ? String(offices[0]!.id) : undefined,
      actor: `${req.user!.collection}:${req.user!.id}`,
      before: null,
      after: {
        from,
        to,
        offices: offices.map((office) => String(office.id)),
        rows: bookings.length,
        columns,
        contacts: withContacts,
      },
    },
  })

  return new Response(csv, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="bookings-${from}-${to}.csv"`,
      'cache-control': 'no-store',
    },
  })
}
