/**
 * The booking site's form as a browser without JavaScript uses it: GET the form, keep the
 * kiyaku_form cookie it sets and the hidden fields it holds, POST them back url-encoded.
 */

export interface OpenedForm {
  status: number
  text: string
  /** `kiyaku_form=…`, ready for a Cookie header (empty when the page set none). */
  cookie: string
  /** The hidden double-submit token (empty when the page has no form). */
  formToken: string
  /** The terms edition the form asks agreement to. */
  termsEdition: string
  /** The ids of the eligibility statements the form asks to affirm. */
  eligibilityIds: string[]
}

export async function openForm(
  base: string,
  slug: string,
  slot: string,
  headers: Record<string, string> = {},
): Promise<OpenedForm> {
  const response = await fetch(`${base}/offices/${slug}/book?slot=${encodeURIComponent(slot)}`, {
    headers,
  })
  const text = await response.text()
  const cookie =
    response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0]!.trim())
      .find((pair) => pair.startsWith('kiyaku_form=')) ?? ''
  return {
    status: response.status,
    text,
    cookie,
    formToken: /name="formToken" value="([^"]*)"/.exec(text)?.[1] ?? '',
    termsEdition: /name="termsEdition" value="([^"]*)"/.exec(text)?.[1] ?? '',
    eligibilityIds: [...text.matchAll(/name="eligibility\.([^"]+)"/g)].map((match) => match[1]!),
  }
}

/** The fields a person fills in to book `slot`, every eligibility statement affirmed. */
export function filledForm(
  form: OpenedForm,
  slot: string,
  applicant: Record<string, string>,
): [string, string][] {
  return [
    ['formToken', form.formToken],
    ['slotStart', slot],
    ...Object.entries(applicant).map(([field, value]): [string, string] => [
      `applicant.${field}`,
      value,
    ]),
    ['website', ''],
    ...form.eligibilityIds.map((id): [string, string] => [`eligibility.${id}`, 'yes']),
    ['termsEdition', form.termsEdition],
    ['agreed', 'yes'],
  ]
}

export async function postForm(
  base: string,
  slug: string,
  cookie: string,
  fields: [string, string][] | string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}/offices/${slug}/book`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
  })
}
