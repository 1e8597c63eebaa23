import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startTestServer, type TestServer } from '../../support/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close()
})

interface Sent {
  status: number
  body: string
  /** Bytes of the body written before the answer came. */
  written: number
}

/**
 * Posts a body of `total` bytes to the login route in 64 kB chunks, stopping as soon as the
 * server answers: an answer that comes before the whole body is proof it was not read.
 */
function postLargeBody(total: number, { chunked = false } = {}): Promise<Sent> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    let written = 0
    let answered = false
    const request = http.request({
      hostname,
      port,
      path: '/api/users/login',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(chunked ? {} : { 'content-length': String(total) }),
      },
    })
    request.on('response', (res) => {
      answered = true
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, written }))
      res.on('error', reject)
    })
    request.on('error', (error) => (answered ? undefined : reject(error)))
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    request.write('{"email":"hq@demo.test","password":"')
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length
        if (!request.write(chunk)) return void request.once('drain', pump)
      }
      if (!answered) request.end()
    }
    pump()
  })
}

describe('/api body limit', () => {
  it('answers 413 to a 100 MB declared body without reading it', async () => {
    const sent = await postLargeBody(100 * 1024 * 1024)
    expect(sent.status, sent.body).toBe(413)
    expect(JSON.parse(sent.body).errors[0].code).toBe('payload_too_large')
    expect(sent.written).toBeLessThan(100 * 1024 * 1024)
  })

  it('answers 413 to a chunked body once it passes the limit', async () => {
    const sent = await postLargeBody(20 * 1024 * 1024, { chunked: true })
    expect(sent.status).toBe(413)
    expect(sent.written).toBeLessThan(20 * 1024 * 1024)
  })

  it('still takes ordinary JSON: login, and a write through REST', async () => {
    const token = await login(server.url, 'hq@demo.test')
    const created = await fetch(`${server.url}/api/offices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({
        slug: 'body-limit-check',
        name: '本文上限確認',
        signatoryTitle: '所長',
        prefecture: '東京都',
      }),
    })
    expect(created.status).toBe(201)
  })
})
