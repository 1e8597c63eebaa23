import { spawn } from 'node:child_process'
import http from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { spawnListeningServer } from '../../support/process'
import { bearer, login } from '../../support/server'

const tempDirs: string[] = []
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiyaku-startup-'))
  tempDirs.push(dir)
  return dir
}

/** Runs `npm start`'s entry point as its own process and collects how it ends. */
function runServer(env: Record<string, string>, { timeoutMs = 30_000 } = {}) {
  return new Promise<{ code: number | null; stderr: string; stdout: string; ms: number }>(
    (resolve) => {
      const started = Date.now()
      const child = spawn(
        process.execPath,
        ['--conditions=production', '--import', 'tsx', 'src/server/main.ts'],
        {
          env: {
            PATH: process.env.PATH ?? '',
            NODE_ENV: 'development',
            KIYAKU_ADMIN: 'off',
            LOG_LEVEL: 'silent',
            PORT: '0',
            ...env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      let stderr = ''
      let stdout = ''
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.stdout.on('data', (chunk) => (stdout += chunk))
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      child.on('exit', (code) => {
        clearTimeout(timer)
        resolve({ code, stderr, stdout, ms: Date.now() - started })
      })
    },
  )
}

describe('starting with bad configuration', () => {
  it('exits 1 naming the accepted forms when DATABASE_URL is not supported', async () => {
    const result = await runServer({
      DATABASE_URL: 'postgres://db.example.test/kiyaku',
      KIYAKU_DATA_DIR: tempDataDir(),
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('DATABASE_URL')
    expect(result.stderr).toContain('file:')
    expect(result.stderr).toContain('mongodb://')
    expect(result.stderr).toContain('mongodb+srv://')
  })

  it('exits 1 with a clear message when PAYLOAD_SECRET is missing in production', async () => {
    const result = await runServer({ NODE_ENV: 'production', KIYAKU_DATA_DIR: tempDataDir() })
    expect(result.code, result.stderr).toBe(1)
    expect(result.stderr).toContain('PAYLOAD_SECRET is required when NODE_ENV=production')
  })

  // The connection gives up after MONGO_SERVER_SELECTION_TIMEOUT_MS (src/config/database.ts);
  // the process's own start-up comes on top and is no promise, so no clock here, only no hang.
  it('fails naming the host when MongoDB is unreachable, instead of waiting for it', async () => {
    const result = await runServer(
      { DATABASE_URL: 'mongodb://127.0.0.1:9/kiyaku', KIYAKU_DATA_DIR: tempDataDir() },
      { timeoutMs: 120_000 },
    )
    expect(result.code, result.stderr).toBe(1)
    expect(result.stderr).toContain('127.0.0.1:9')
  }, 150_000)
})

describe('running', () => {
  it('keeps a document created before a restart, with the schema from committed migrations', async () => {
    const dataDir = tempDataDir()
    const first = await spawnListeningServer(dataDir)
    const token = await login(first.url, 'hq@demo.test')
    const created = await fetch(`${first.url}/api/offices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({
        slug: 'restart-check',
        name: '再起動確認',
        signatoryTitle: '所長',
        prefecture: '東京都',
      }),
    })
    expect(created.status).toBe(201)
    first.child.kill('SIGTERM')
    expect(await first.exit).toBe(0)

    const second = await spawnListeningServer(dataDir)
    const offices = (await (
      await fetch(`${second.url}/api/offices?where[slug][equals]=restart-check`)
    ).json()) as {
      docs: { name: string }[]
    }
    expect(offices.docs.map((office) => office.name)).toEqual(['再起動確認'])
    second.child.kill('SIGTERM')
    expect(await second.exit).toBe(0)
  })

  it('finishes a request in flight on SIGTERM, then exits 0', async () => {
    const { child, url, exit } = await spawnListeningServer(tempDataDir(), {
      KIYAKU_DB_PUSH: 'true',
      NODE_ENV: 'test',
    })
    // The request is provably in flight: headers and half the body are sent before SIGTERM,
    // the rest after it.
    const body = JSON.stringify({ email: 'hq@demo.test', password: 'kiyaku-demo' })
    const { hostname, port } = new URL(url)
    const request = http.request({
      hostname,
      port,
      path: '/api/users/login',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    })
    const response = new Promise<number>((resolve, reject) => {
      request.on('response', (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      request.on('error', reject)
    })
    request.write(body.slice(0, 10))
    await new Promise((resolve) => setTimeout(resolve, 300))
    child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 300))
    request.end(body.slice(10))
    expect(await response).toBe(200)
    expect(await exit).toBe(0)
  })
})
