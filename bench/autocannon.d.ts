// autocannon ships no types and @types/autocannon is not installed: the part bench/ uses.
declare module 'autocannon' {
  export interface AutocannonRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    setupRequest?: (
      request: AutocannonRequest,
      context: Record<string, unknown>,
    ) => AutocannonRequest
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
  }

  export interface AutocannonOptions extends AutocannonRequest {
    url: string
    connections?: number
    duration?: number
    amount?: number
    maxOverallRequests?: number
    timeout?: number
    requests?: AutocannonRequest[]
    idReplacement?: boolean
    excludeErrorStats?: boolean
  }

  export interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p97_5: number
    p99: number
  }

  export interface AutocannonResult {
    requests: Histogram
    latency: Histogram
    throughput: Histogram
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
  }

  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>
  export default autocannon
}
