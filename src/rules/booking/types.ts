/**
 * A reservation policy as the rules see it: plain data, no Payload.
 * The `reservation-policies` collection stores exactly this shape (plus office and audit fields).
 * All wall-clock values are Asia/Tokyo.
 */
import type { Weekday } from '../../lib/tokyoTime'

export type Channel = 'self-service' | 'staff-scheduled'
export type Tool = 'teleoffice' | 'zoom'
export type { Weekday } from '../../lib/tokyoTime'
export type ApplicantField =
  'name' | 'email' | 'phone' | 'jobSeekerNumber' | 'desiredDateTime' | 'note'
export type ContactMethod = 'link' | 'phone' | 'email'

export interface WeeklyWindow {
  weekday: Weekday
  /** "HH:mm", JST */
  start: string
  /** "HH:mm", JST, after start, same day */
  end: string
}

export interface ChannelPolicy {
  channel: Channel
  /** Tools this channel may use. One tool means fixed; several means staff choose. */
  tools: Tool[]
  requiredFields: ApplicantField[]
  optionalFields: ApplicantField[]
  /** How an applicant may cancel. */
  cancelBy: ContactMethod[]
  /** How an applicant may cancel on the day of the session; defaults to cancelBy. */
  sameDayCancelBy?: ContactMethod[]
}

type LeadTimeRule =
  /** The booking must be confirmed before the session starts. */
  | 'before-start'
  /** The booking must be settled by 24:00 JST of the previous day. */
  | 'previous-day'

export interface EligibilityStatement {
  id: string
  /** What the applicant ticks, in the first person (「…登録済みです。」). */
  text: string
  /** The condition as the terms print it (「…の方」); the checkbox wording when absent. */
  termsText?: string
}

export interface BookingPolicy {
  /** YYYY-MM-DD; in force from 00:00 JST of that day for slots starting then or later. */
  effectiveFrom: string
  channels: ChannelPolicy[]
  windows: WeeklyWindow[]
  sessionMinutes: number
  capacityPerSlot: number
  /** Extra office closure dates, YYYY-MM-DD. National holidays and 12/29–1/3 are always closed. */
  closures: string[]
  leadTime: LeadTimeRule
  bookingWindowDays: number
  /** Self-service bookings not confirmed within this many minutes expire. */
  confirmWindowMinutes: number
  noShowGraceMinutes: number
  /** Refuse after this many unannounced no-shows; 0 = never automatically. */
  refuseAfterNoShows: number
  /**
   * Bookings one applicant (by 求職番号 or e-mail) may hold open at the office at once, pending or
   * confirmed; DEFAULT_MAX_OPEN_BOOKINGS when unset.
   */
  maxOpenBookingsPerApplicant?: number
  eligibility: EligibilityStatement[]
  court: string
  governingLaw: string
}

export type BookingStatus =
  'pending_confirmation' | 'confirmed' | 'completed' | 'cancelled' | 'expired' | 'no_show'

/** Machine-readable rule violation codes; the public contract. */
export type RuleCode =
  | 'outside_hours'
  | 'closed_day'
  | 'lead_time'
  | 'booking_window'
  | 'channel_not_offered'
  | 'missing_field'
  | 'invalid_field'
  | 'terms_not_current'
  | 'not_accepted'
  | 'invalid_transition'
  | 'slot_full'
  | 'booking_changed'
  | 'too_many_open_bookings'

export interface RuleViolation {
  code: RuleCode
  /** Japanese, for the applicant or staff member. */
  message: string
  field?: string
}

/** What an applicant submits; values are unknown because they arrive from forms and APIs. */
export type ApplicantInput = Partial<Record<ApplicantField, unknown>>

/** Applicant fields after validation and normalisation. */
export type Applicant = Partial<Record<ApplicantField, string>>

/** Eligibility statement id → the applicant's answer; only `true` affirms. */
export type EligibilityAnswers = Readonly<Record<string, unknown>>

/** A bookable slot as offered to applicants; start and end are ISO 8601 with the +09:00 offset. */
export interface OpenSlot {
  start: string
  end: string
  remaining: number
}

/** A configuration error on a reservation policy, for the admin form. */
export interface PolicyFieldError {
  /** Dotted field path with array indexes, e.g. "windows.1.end". */
  path: string
  /** Japanese. */
  message: string
  /** The same in English, for the admin in English. */
  en: string
}
