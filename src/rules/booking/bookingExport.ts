/**
 * The columns of the bookings CSV. Name, 求職番号 and reference are what staff work with;
 * e-mail and phone (contact fields) only go to HQ and office admins who ask for them.
 */
const BOOKING_EXPORT_COLUMNS = [
  'reference',
  'office',
  'date',
  'start',
  'end',
  'status',
  'channel',
  'tool',
  'meetingUrl',
  'name',
  'jobSeekerNumber',
  'email',
  'phone',
  'cancelVia',
  'createdAt',
] as const

export type BookingExportColumn = (typeof BOOKING_EXPORT_COLUMNS)[number]

const CONTACT_EXPORT_COLUMNS: readonly BookingExportColumn[] = ['email', 'phone']

export const EXPORT_MAX_DAYS = 366

export type ExportRole = 'hq-admin' | 'office-admin' | 'office-staff'

/**
 * Contact fields (e-mail, phone) are for HQ and office admins: staff work with the name, 求職番号
 * and reference. One rule for every place that hands bookings out in bulk (search and export).
 */
export function maySeeContacts(role: ExportRole): boolean {
  return role === 'hq-admin' || role === 'office-admin'
}

export function bookingExportColumns(withContacts: boolean): BookingExportColumn[] {
  return BOOKING_EXPORT_COLUMNS.filter(
    (column) => withContacts || !CONTACT_EXPORT_COLUMNS.includes(column),
  )
}

/**
 * A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return) as a formula;
 * an applicant's name must never run as one in Excel (CSV injection). Such cells get a leading
 * apostrophe, which Excel shows as text. Phone numbers start with 0 and are not affected.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
