/** Payload's REST error body: `{ errors: [{ message, data }] }`; the first message is shown. */
export async function errorMessageOf(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[]; message?: string }
    const messages = (body.errors ?? []).map((error) => error.message).filter(Boolean)
    return messages.length > 0 ? messages.join('\n') : (body.message ?? fallback)
  } catch {
    return fallback
  }
}

/** A same-origin JSON call to Payload's REST API with the admin's session cookie. */
export function restJson(
  url: string,
  method: 'GET' | 'POST' | 'PATCH',
  body?: unknown,
): Promise<Response> {
  return fetch(url, {
    method,
    credentials: 'include',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
