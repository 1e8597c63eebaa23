import { DEFAULT_MAX_OPEN_BOOKINGS } from '../../rules/booking/checkOpenBookings'
import type {
  ApplicantField,
  Channel,
  ContactMethod,
  BookingPolicy,
  Tool,
  Weekday,
} from '../../rules/booking/types'

/**
 * The stored shape of a reservation policy (the `reservation-policies` collection). Arrays of
 * options arrive as plain strings and optional arrays may be null, so everything is loose here.
 */
export interface ReservationPolicyDoc {
  effectiveFrom?: unknown
  channels?:
    | {
        channel?: unknown
        tools?: unknown
        requiredFields?: unknown
        optionalFields?: unknown
        cancelBy?: unknown
        sameDayCancelBy?: unknown
      }[]
    | null
  windows?: { weekday?: unknown; start?: unknown; end?: unknown }[] | null
  sessionMinutes?: unknown
  capacityPerSlot?: unknown
  closures?: { date?: unknown; reason?: unknown }[] | null
  leadTime?: unknown
  bookingWindowDays?: unknown
  confirmWindowMinutes?: unknown
  noShowGraceMinutes?: unknown
  refuseAfterNoShows?: unknown
  maxOpenBookingsPerApplicant?: unknown
  eligibility?: { statementId?: unknown; text?: unknown; termsText?: unknown }[] | null
  court?: unknown
  governingLaw?: unknown
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : []
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** Numbers pass through untouched (even invalid ones) so validatePolicy can report them. */
function number(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN
}

/**
 * A stored policy as the booking rules see it. The collection keeps weekdays as '1'..'7',
 * eligibility rows as { statementId, text } and closures as { date, reason }; an empty
 * sameDayCancelBy means "the same as cancelBy", which the rules express as undefined.
 */
export function policyFromDoc(doc: ReservationPolicyDoc): BookingPolicy {
  return {
    effectiveFrom: text(doc.effectiveFrom),
    channels: list<NonNullable<ReservationPolicyDoc['channels']>[number]>(doc.channels).map(
      (row) => {
        const sameDay = list<ContactMethod>(row.sameDayCancelBy)
        return {
          channel: text(row.channel) as Channel,
          tools: list<Tool>(row.tools),
          requiredFields: list<ApplicantField>(row.requiredFields),
          optionalFields: list<ApplicantField>(row.optionalFields),
          cancelBy: list<ContactMethod>(row.cancelBy),
          ...(sameDay.length > 0 ? { sameDayCancelBy: sameDay } : {}),
        }
      },
    ),
    windows: list<NonNullable<ReservationPolicyDoc['windows']>[number]>(doc.windows).map((row) => ({
      weekday: Number(row.weekday) as Weekday,
      start: text(row.start),
      end: text(row.end),
    })),
    sessionMinutes: number(doc.sessionMinutes),
    capacityPerSlot: number(doc.capacityPerSlot),
    closures: list<{ date?: unknown }>(doc.closures).map((row) => text(row.date)),
    leadTime: text(doc.leadTime) as BookingPolicy['leadTime'],
    bookingWindowDays: number(doc.bookingWindowDays),
    confirmWindowMinutes: number(doc.confirmWindowMinutes),
    noShowGraceMinutes: number(doc.noShowGraceMinutes),
    refuseAfterNoShows: number(doc.refuseAfterNoShows),
    ...(typeof doc.maxOpenBookingsPerApplicant === 'number'
      ? { maxOpenBookingsPerApplicant: doc.maxOpenBookingsPerApplicant }
      : {}),
    eligibility: list<{ statementId?: unknown; text?: unknown; termsText?: unknown }>(
      doc.eligibility,
    ).map((row) => ({
      id: text(row.statementId),
      text: text(row.text),
      ...(typeof row.termsText === 'string' && row.termsText.trim() !== ''
        ? { termsText: row.termsText }
        : {}),
    })),
    court: text(doc.court),
    governingLaw: text(doc.governingLaw),
  }
}

/** The inverse of policyFromDoc, for seeding: the data to store for a policy. */
export function docFromPolicy(policy: BookingPolicy) {
  return {
    effectiveFrom: policy.effectiveFrom,
    channels: policy.channels.map((channel) => ({
      channel: channel.channel,
      tools: channel.tools,
      requiredFields: channel.requiredFields,
      optionalFields: channel.optionalFields,
      cancelBy: channel.cancelBy,
      sameDayCancelBy: channel.sameDayCancelBy ?? [],
    })),
    windows: policy.windows.map((window) => ({
      weekday: String(window.weekday) as `${Weekday}`,
      start: window.start,
      end: window.end,
    })),
    sessionMinutes: policy.sessionMinutes,
    capacityPerSlot: policy.capacityPerSlot,
    closures: policy.closures.map((date) => ({ date })),
    leadTime: policy.leadTime,
    bookingWindowDays: policy.bookingWindowDays,
    confirmWindowMinutes: policy.confirmWindowMinutes,
    noShowGraceMinutes: policy.noShowGraceMinutes,
    refuseAfterNoShows: policy.refuseAfterNoShows,
    maxOpenBookingsPerApplicant: policy.maxOpenBookingsPerApplicant ?? DEFAULT_MAX_OPEN_BOOKINGS,
    eligibility: policy.eligibility.map((statement) => ({
      statementId: statement.id,
      text: statement.text,
      termsText: statement.termsText ?? null,
    })),
    court: policy.court,
    governingLaw: policy.governingLaw,
  }
}

/**
 * validatePolicy reports paths in the rules' vocabulary; the admin form needs the collection's.
 * "eligibility.2.id" → "eligibility.2.statementId", "closures.1" → "closures.1.date".
 */
export function docPathOfPolicyError(path: string): string {
  const eligibilityId = /^eligibility\.(\d+)\.id$/.exec(path)
  if (eligibilityId) return `eligibility.${eligibilityId[1]}.statementId`
  const closure = /^closures\.(\d+)$/.exec(path)
  if (closure) return `closures.${closure[1]}.date`
  return path
}
