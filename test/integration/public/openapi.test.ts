import { Validator } from '@seriousme/openapi-schema-validator'
import type { Router } from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publicRouter } from '../../../src/server/public'
import { startTestServer, type TestServer } from '../../support/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ seed: false })
})

afterAll(async () => {
  await server?.close()
})

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> }
  handle?: { stack?: Layer[] }
}

/** Every route the public router answers, as "METHOD /path/{param}". */
function expressRoutes(router: Router): string[] {
  const found: string[] = []
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path]
        for (const path of paths) {
          // `router.post('/{*path}', express.json())` parses bodies for the routes below it.
          if (path.includes('{*')) continue
          for (const method of Object.keys(layer.route.methods)) {
            if (method === '_all') continue
            found.push(`${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`)
          }
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack)
      }
    }
  }
  walk((router as unknown as { stack: Layer[] }).stack)
  return [...new Set(found)].sort()
}

async function fetchDocument(): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/public/v1/openapi.json`)
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, unknown>
}

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await fetchDocument()
    expect(document.openapi).toBe('3.1.0')
    const validator = new Validator()
    const result = await validator.validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('describes every Express route under /public/v1, with responses and error codes', async () => {
    const document = await fetchDocument()
    const paths = document.paths as Record<
      string,
      Record<string, { responses: Record<string, unknown> }>
    >
    const documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    )
    const routes = expressRoutes(
      publicRouter({ payload: server.payload, env: server.env, logger: server.logger }),
    )
    expect(routes.length).toBeGreaterThan(10)
    expect(routes.filter((route) => !documented.includes(route))).toEqual([])
    for (const operations of Object.values(paths)) {
      for (const operation of Object.values(operations)) {
        const statuses = Object.keys(operation.responses)
        expect(statuses.some((status) => status.startsWith('2'))).toBe(true)
      }
    }
    // The booking request body is the route's own zod schema, strict as the route is.
    const booking = paths['/offices/{slug}/bookings']!.post as unknown as {
      requestBody: { content: { 'application/json': { schema: Record<string, unknown> } } }
      responses: Record<string, { content: { 'application/json': { schema: unknown } } }>
    }
    const bodySchema = booking.requestBody.content['application/json'].schema
    expect(bodySchema.additionalProperties).toBe(false)
    expect(bodySchema.required).toEqual(
      expect.arrayContaining(['slotStart', 'applicant', 'consent']),
    )
    expect(JSON.stringify(booking.responses['422'])).toContain('terms_not_current')
    expect(JSON.stringify(booking.responses['409'])).toContain('slot_full')
  })

  it('has a reference page served from this server only', async () => {
    const page = await fetch(`${server.url}/public/docs`)
    expect(page.status).toBe(200)
    const html = await page.text()
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
    expect(sources.every((source) => source.startsWith('/'))).toBe(true)
    expect(html).not.toMatch(/<script>(?!<\/script>)/)
    for (const source of sources) {
      expect((await fetch(`${server.url}${source}`)).status, source).toBe(200)
    }
  })
})
