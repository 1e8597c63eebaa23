import type { Payload } from 'payload'

import { addDays, tokyoToday } from '../../../src/lib/tokyoTime'
import { bearer, login, type TestServer } from '../../support/server'

export { addDays, tokyoToday }

export const HQ = 'hq@demo.test'
export const KITAKYUSHU_ADMIN = 'kitakyushu-admin@demo.test'
export const ISESAKI_ADMIN = 'isesaki-admin@demo.test'

interface ErrorBody {
  errors: {
    code?: string
    message: string
    field?: string
    data?: { code?: string; problems?: { code: string; message: string }[] }
  }[]
}

/** The code of a Payload REST error ({ errors: [{ data: { code } }] }) or a public one. */
export function errorCode(body: unknown): string | undefined {
  const first = (body as ErrorBody | undefined)?.errors?.[0]
  return first?.data?.code ?? first?.code
}

export interface ApiResponse {
  status: number
  // Tests walk response bodies of many shapes; asserting on them is the type check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  headers: Headers
  text: string
}

export class Api {
  private readonly tokens = new Map<string, string>()

  constructor(readonly server: TestServer) {}

  async as(email: string | null): Promise<Record<string, string>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (!email) return headers
    let token = this.tokens.get(email)
    if (!token) this.tokens.set(email, (token = await login(this.server.url, email)))
    return { ...headers, ...bearer(token) }
  }

  async request(
    method: string,
    path: string,
    options: { as?: string | null; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const response = await fetch(`${this.server.url}${path}`, {
      method,
      headers: { ...(await this.as(options.as ?? null)), ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const text = await response.text()
    let body: unknown
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // Not JSON (HTML, text, Atom): `text` has it.
    }
    return { status: response.status, body, headers: response.headers, text }
  }
}

export async function officeIdOf(payload: Payload, slug: string): Promise<number | string> {
  const { docs } = await payload.find({
    collection: 'offices',
    where: { slug: { equals: slug } },
    depth: 0,
  })
  const office = docs[0]
  if (!office) throw new Error(`no office ${slug}`)
  return office.id
}

export async function demoTemplateId(payload: Payload): Promise<number | string> {
  const { docs } = await payload.find({
    collection: 'terms-templates',
    limit: 1,
    depth: 0,
    sort: 'createdAt',
  })
  if (!docs[0]) throw new Error('no template seeded')
  return docs[0].id
}

/** The article's printed text in a public terms JSON response. */
export function articleText(
  terms: { edition: { articles: { key: string; text: string }[] } },
  key: string,
): string {
  const article = terms.edition.articles.find((a) => a.key === key)
  if (!article) throw new Error(`no article ${key}`)
  return article.text
}
