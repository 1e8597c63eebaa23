import type { BenchTimingSummary } from './benchRoutes'
import { fetchBytes, getJson } from './http'
import { load, type LoadFigures, type LoadOptions } from './load'

export const CONNECTIONS = 16
/** Measured time per target, split into ROUNDS rounds taken in turn with the other targets. */
export const MEASURE_SECONDS = 20
export const ROUNDS = 10
export const WARM_UP_SECONDS = 2

/** What one target measured: the client's view (autocannon) and the server's own timing. */
export interface Measurement {
  label: string
  request: string
  client: LoadFigures
  /** 2xx/s of each measured round, in order (round i of every target ran side by side). */
  roundOkPerSecond: number[]
  server: BenchTimingSummary | null
}

/** A benchmark that could not run, and why (an endpoint not there yet, a failed request…). */
export interface NotMeasured {
  label: string
  request: string
  reason: string
}

export type Outcome = Measurement | NotMeasured

export function isMeasured(outcome: Outcome | undefined): outcome is Measurement {
  return outcome !== undefined && 'client' in outcome
}

export async function resetServerTimings(baseUrl: string): Promise<void> {
  await fetchBytes(`${baseUrl}/bench/timings`, { method: 'DELETE' })
}

/** The server's own timing of one route ("GET /public/v1/…", path without query). */
export async function serverTiming(
  baseUrl: string,
  routeKey: string,
): Promise<BenchTimingSummary | null> {
  const { routes } = await getJson<{ routes: Record<string, BenchTimingSummary> }>(
    `${baseUrl}/bench/timings`,
  )
  return routes[routeKey] ?? null
}

export interface Target {
  label: string
  /** Method and path as the server's timing keys them. */
  routeKey: string
  /** The load of one measured round (its `seconds` is the round's length). */
  load: LoadOptions
  warmUp: { seconds: number; maxRequests?: number }
}

/**
 * Targets compared on one server: each warmed up (figures dropped), then measured in `rounds`
 * rounds that take the targets in turn (A B, B A, …), so a change in the machine's load while the
 * comparison runs falls on all of them alike. Per target: responses and time summed over its
 * rounds, p50 the mean of the rounds' medians, p99 the worst round's; the server's timing covers
 * every measured request.
 */
export async function compare(
  baseUrl: string,
  targets: readonly Target[],
  rounds: number,
): Promise<Measurement[]> {
  for (const target of targets) {
    if (target.warmUp.seconds <= 0) continue
    await load({
      ...target.load,
      seconds: target.warmUp.seconds,
      maxRequests: target.warmUp.maxRequests,
    })
  }
  await resetServerTimings(baseUrl)
  const figures: LoadFigures[][] = targets.map(() => [])
  for (let round = 0; round < rounds; round++) {
    // A B, then B A: whichever row follows the other inherits its garbage and warm caches, so
    // each gets that place in half the rounds.
    const order = [...targets.entries()]
    if (round % 2 === 1) order.reverse()
    for (const [index, target] of order) figures[index]!.push(await load(target.load))
  }
  const { routes } = await getJson<{ routes: Record<string, BenchTimingSummary> }>(
    `${baseUrl}/bench/timings`,
  )
  return targets.map((target, index) => ({
    label: target.label,
    request: target.routeKey,
    client: combineRounds(figures[index]!),
    roundOkPerSecond: figures[index]!.map((round) => round.okPerSecond),
    server: routes[target.routeKey] ?? null,
  }))
}

/** One target on its own: warm-up, one measured run. */
export async function measure(baseUrl: string, target: Target): Promise<Measurement> {
  const [measurement] = await compare(baseUrl, [target], 1)
  return measurement!
}

function combineRounds(rounds: readonly LoadFigures[]): LoadFigures {
  const sum = (pick: (figures: LoadFigures) => number) =>
    rounds.reduce((total, figures) => total + pick(figures), 0)
  const seconds = sum((figures) => figures.seconds)
  const responses = sum((figures) => figures.responses)
  const ok = sum((figures) => figures.ok)
  const statusCodes: Record<string, number> = {}
  for (const figures of rounds) {
    for (const [code, count] of Object.entries(figures.statusCodes)) {
      statusCodes[code] = (statusCodes[code] ?? 0) + count
    }
  }
  return {
    requestsPerSecond: seconds > 0 ? responses / seconds : 0,
    okPerSecond: seconds > 0 ? ok / seconds : 0,
    ok,
    p50Ms: sum((figures) => figures.p50Ms) / Math.max(1, rounds.length),
    p99Ms: Math.max(0, ...rounds.map((figures) => figures.p99Ms)),
    responses,
    non2xx: sum((figures) => figures.non2xx),
    errors: sum((figures) => figures.errors),
    statusCodes,
    seconds,
  }
}

/** "2026-11-22" in Asia/Tokyo, the calendar every policy and slot is written in. */
export function tokyoToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(now)
}

export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10)
}
