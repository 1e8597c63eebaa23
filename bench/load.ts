import autocannon, { type AutocannonOptions, type AutocannonResult } from 'autocannon'

export interface LoadFigures {
  /** Every response per second, whatever its status. */
  requestsPerSecond: number
  /** 2xx responses per second: the figure compared between targets. */
  okPerSecond: number
  ok: number
  p50Ms: number
  p99Ms: number
  /** Responses counted (2xx and others). */
  responses: number
  non2xx: number
  errors: number
  statusCodes: Record<string, number>
  seconds: number
}

export interface LoadOptions {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  /** A fresh body (and extra headers) per request, e.g. distinct bookings from distinct addresses. */
  nextRequest?: () => { body: string; headers?: Record<string, string> }
  connections: number
  seconds: number
  /** Stops earlier once this many requests were sent (e.g. the free seats left). */
  maxRequests?: number
  idReplacement?: boolean
}

function figures(result: AutocannonResult): LoadFigures {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]),
  )
  const responses = Object.values(statusCodes).reduce((sum, count) => sum + count, 0)
  const ok = Object.entries(statusCodes)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0)
  const perSecond = (count: number) => (result.duration > 0 ? count / result.duration : 0)
  return {
    requestsPerSecond: perSecond(responses),
    okPerSecond: perSecond(ok),
    ok,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    responses,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
    seconds: result.duration,
  }
}

/** One autocannon run, bounded by time (and by count when maxRequests is given). */
export async function load(options: LoadOptions): Promise<LoadFigures> {
  const { nextRequest } = options
  const run: AutocannonOptions = {
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    idReplacement: options.idReplacement,
    ...(options.maxRequests !== undefined
      ? { maxOverallRequests: Math.max(options.connections, options.maxRequests) }
      : {}),
    ...(nextRequest
      ? {
          requests: [
            {
              setupRequest: (request) => {
                const { body, headers } = nextRequest()
                return { ...request, body, headers: { ...request.headers, ...headers } }
              },
            },
          ],
        }
      : {}),
  }
  return figures(await autocannon(run))
}

/** A short run whose figures are thrown away (JIT, caches, connection pools), then the measured one. */
export async function warmThenLoad(
  options: LoadOptions,
  warmUp: { seconds: number; maxRequests?: number },
): Promise<LoadFigures> {
  await load({ ...options, seconds: warmUp.seconds, maxRequests: warmUp.maxRequests })
  return load(options)
}
