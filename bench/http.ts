import { setTimeout as sleep } from 'node:timers/promises'

export interface FetchedText {
  status: number
  contentType: string | null
  body: Buffer
}

export async function fetchBytes(
  url: string,
  init: RequestInit = {},
  timeoutMs = 15_000,
): Promise<FetchedText> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: Buffer.from(await response.arrayBuffer()),
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const { status, body } = await fetchBytes(url)
  if (status !== 200) throw new Error(`GET ${url} → ${status}: ${body.toString().slice(0, 300)}`)
  return JSON.parse(body.toString()) as T
}

export async function postJson<T>(
  url: string,
  data: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<{ status: number; body: T }> {
  const { status, body } = await fetchBytes(
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(data),
    },
    timeoutMs,
  )
  const text = body.toString()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON: keep the text for the report
  }
  return { status, body: parsed as T }
}

/**
 * Polls a GET until it answers `status`, for at most `limitMs`. Returns the last answer, so a
 * caller can report what the route said when it never got there.
 */
export async function pollUntil(
  url: string,
  { status = 200, limitMs = 5_000, everyMs = 500 } = {},
): Promise<FetchedText> {
  const deadline = Date.now() + limitMs
  let last: FetchedText = { status: 0, contentType: null, body: Buffer.alloc(0) }
  for (let attempt = 0; attempt < 1000; attempt++) {
    try {
      last = await fetchBytes(url)
      if (last.status === status) return last
    } catch (error) {
      last = { status: 0, contentType: null, body: Buffer.from(String(error)) }
    }
    if (Date.now() + everyMs > deadline) break
    await sleep(everyMs)
  }
  return last
}
