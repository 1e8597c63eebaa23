import { getJson, postJson, pollUntil } from './http'
import {
  compare,
  CONNECTIONS,
  MEASURE_SECONDS,
  ROUNDS,
  WARM_UP_SECONDS,
  type Outcome,
  type Target,
} from './measure'
import { BOOKING_OFFICE, slotEntries, slotsRange } from './slots'

const WARM_UP_BOOKINGS = 200

export interface BookingResults {
  ours: Outcome
  bareCreate: Outcome
  /** Free seats found before the run (each request books one). */
  seatsOffered: number | null
}

/** What a booking body is built from, read from the public API as an applicant's page would. */
interface BookingForm {
  requiredFields: string[]
  eligibilityIds: string[]
  consent: Record<string, unknown>
}

/**
 * Booking creation through the public API, 16 connections, every request a distinct valid
 * booking on a free seat (seats taken round-robin over the slots, so concurrent requests do not
 * queue on one slot), against a bare Payload REST create on the one-field `bench-records`.
 */
export async function benchBookingCreation(baseUrl: string): Promise<BookingResults> {
  const path = `/public/v1/offices/${BOOKING_OFFICE}/bookings`
  const results: BookingResults = {
    ours: { label: 'booking creation', request: `POST ${path}`, reason: 'not run' },
    bareCreate: {
      label: 'bare Payload create (bench-records)',
      request: 'POST /api/bench-records',
      reason: 'not run',
    },
    seatsOffered: null,
  }

  const targets: { key: 'ours' | 'bareCreate'; target: Target }[] = []
  const seconds = MEASURE_SECONDS / ROUNDS

  const seats = await bookingTarget(baseUrl, path)
  if (typeof seats.reason === 'string') {
    results.ours = { ...results.ours, reason: seats.reason }
  } else {
    results.seatsOffered = seats.offered
    targets.push({
      key: 'ours',
      target: {
        label: results.ours.label,
        routeKey: `POST ${path}`,
        load: {
          url: `${baseUrl}${path}`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          nextRequest: seats.nextRequest,
          connections: CONNECTIONS,
          seconds,
          // Never more requests than seats: each one must be a booking that succeeds.
          maxRequests: Math.floor(
            (seats.offered - WARM_UP_BOOKINGS - 1 - CONNECTIONS * 2 * (ROUNDS + 1)) / ROUNDS,
          ),
        },
        warmUp: { seconds: WARM_UP_SECONDS, maxRequests: WARM_UP_BOOKINGS },
      },
    })
  }

  const records = await postJson<unknown>(`${baseUrl}/api/bench-records`, { value: 'probe' })
  if (records.status === 201 || records.status === 200) {
    targets.push({
      key: 'bareCreate',
      target: {
        label: results.bareCreate.label,
        routeKey: 'POST /api/bench-records',
        load: {
          url: `${baseUrl}/api/bench-records`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ value: 'bench [<id>]' }),
          idReplacement: true,
          connections: CONNECTIONS,
          seconds,
        },
        warmUp: { seconds: WARM_UP_SECONDS },
      },
    })
  } else {
    const reason = `POST /api/bench-records answered ${records.status}`
    results.bareCreate = { ...results.bareCreate, reason }
  }

  const measured = await compare(
    baseUrl,
    targets.map(({ target }) => target),
    ROUNDS,
  )
  targets.forEach(({ key }, index) => (results[key] = measured[index]!))
  return results
}

type BookingSource =
  | { reason: string }
  | {
      reason?: undefined
      offered: number
      nextRequest: () => { body: string; headers: Record<string, string> }
    }

/**
 * Free seats and a generator of valid bookings on them, checked with one real booking first.
 * A reason instead when the public API cannot take bookings (yet).
 */
async function bookingTarget(baseUrl: string, path: string): Promise<BookingSource> {
  let form: BookingForm
  try {
    form = await readBookingForm(baseUrl)
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) }
  }
  const seats = await freeSeats(baseUrl)
  if (seats.length < WARM_UP_BOOKINGS + CONNECTIONS * 10) {
    return { reason: `only ${seats.length} free seats` }
  }
  let booked = 0
  const nextRequest = () => {
    const index = booked++
    return {
      body: JSON.stringify(bookingBody(form, seats[index % seats.length]!, index)),
      headers: { 'x-forwarded-for': applicantAddress(index) },
    }
  }
  const first = nextRequest()
  const probe = await postJson<unknown>(`${baseUrl}${path}`, JSON.parse(first.body), first.headers)
  if (probe.status < 200 || probe.status > 299) {
    const answer = JSON.stringify(probe.body).slice(0, 400)
    return { reason: `a valid booking was refused: ${probe.status} ${answer}` }
  }
  return { offered: seats.length, nextRequest }
}

async function readBookingForm(baseUrl: string): Promise<BookingForm> {
  const base = `${baseUrl}/public/v1/offices/${BOOKING_OFFICE}`
  const policyAnswer = await pollUntil(`${base}/policy`, { limitMs: 5_000 })
  if (policyAnswer.status !== 200) {
    throw new Error(`GET …/policy answered ${policyAnswer.status || 'nothing'}`)
  }
  const termsAnswer = await pollUntil(`${base}/terms`, { limitMs: 5_000 })
  if (termsAnswer.status !== 200) {
    throw new Error(`GET …/terms answered ${termsAnswer.status || 'nothing'}`)
  }
  const policy = JSON.parse(policyAnswer.body.toString()) as Record<string, unknown>
  const terms = JSON.parse(termsAnswer.body.toString()) as Record<string, unknown>
  return bookingFormFrom(policy, terms)
}

/** Public policy and terms → what a self-service booking must carry. */
function bookingFormFrom(
  policyBody: Record<string, unknown>,
  termsBody: Record<string, unknown>,
): BookingForm {
  const policy = (policyBody.policy ?? policyBody) as Record<string, unknown>
  const channels = (policy.channels ?? []) as Record<string, unknown>[]
  const selfService = channels.find((entry) => entry.channel === 'self-service')
  if (!selfService) throw new Error('the policy offers no self-service channel')
  const eligibility = (policy.eligibility ?? []) as Record<string, unknown>[]
  const edition = (termsBody.edition ?? termsBody) as Record<string, unknown>
  return {
    requiredFields: (selfService.requiredFields ?? []) as string[],
    eligibilityIds: eligibility.map((statement) => String(statement.id ?? statement.statementId)),
    consent: { termsEdition: edition.number, agreed: true },
  }
}

const SAMPLE_APPLICANT_FIELDS: Record<string, (index: number) => string> = {
  name: (index) => `ベンチ 予約者${index}`,
  email: (index) => `booking-${index}@example.test`,
  phone: (index) => `080${String(10_000_000 + (index % 90_000_000)).slice(-8)}`,
  jobSeekerNumber: (index) => `2310-${String(100_000 + (index % 900_000))}`,
  desiredDateTime: () => '平日午前',
}

function bookingBody(form: BookingForm, slotStart: string, index: number) {
  const applicant = Object.fromEntries(
    form.requiredFields.map((field) => [field, SAMPLE_APPLICANT_FIELDS[field]?.(index) ?? 'x']),
  )
  return {
    slotStart,
    applicant,
    eligibility: Object.fromEntries(form.eligibilityIds.map((id) => [id, true])),
    consent: form.consent,
  }
}

/**
 * Each booking comes from its own applicant at its own address, as real ones do: the server
 * trusts X-Forwarded-For from loopback (a proxy in front), and counts successful bookings per
 * address (30 an hour), which one address sending thousands would exhaust at once.
 */
function applicantAddress(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`
}

/** Every free seat of the next 31 days (the self-service list), round-robin over the slots. */
async function freeSeats(baseUrl: string): Promise<string[]> {
  const { from, to } = slotsRange()
  const body = await getJson<unknown>(
    `${baseUrl}/public/v1/offices/${BOOKING_OFFICE}/slots?from=${from}&to=${to}`,
  )
  // Leave the next two hours alone: a slot starting during the run would close under us.
  const earliest = Date.now() + 2 * 60 * 60_000
  const slots = slotEntries(body)
    .filter((slot) => Date.parse(String(slot.start)) > earliest)
    .map((slot) => ({ start: String(slot.start), remaining: Number(slot.remaining ?? 1) }))
  const seats: string[] = []
  for (let round = 0; slots.some((slot) => slot.remaining > round); round++) {
    for (const slot of slots) if (slot.remaining > round) seats.push(slot.start)
  }
  return seats
}
