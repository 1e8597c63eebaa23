import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { spawnListeningServer } from '../../support/process'

const dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-create-admin-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const PRODUCTION = {
  NODE_ENV: 'production',
  PAYLOAD_SECRET: 'a-production-secret-of-enough-length',
  SMTP_URL: 'smtp://127.0.0.1:9',
  PUBLIC_URL: 'https://kiyaku.example.test',
  KIYAKU_DATA_DIR: dataDir,
  KIYAKU_ADMIN: 'off',
}
const PASSWORD = 'a long operator password'

function createAdmin(args: string[], stdin: string) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'src/cli/create-admin.ts', ...args],
      { env: { PATH: process.env.PATH ?? '', ...PRODUCTION } as unknown as NodeJS.ProcessEnv },
    )
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('exit', (code) => resolve({ code, out }))
    child.stdin.end(stdin)
  })
}

describe('npm run create-admin', () => {
  it('refuses a password on the command line', async () => {
    const result = await createAdmin(['--email', 'ops@example.test', '--password', PASSWORD], '')
    expect(result.code).toBe(1)
    expect(result.out).toContain('never taken from the command line')
  })

  it('creates the first HQ admin of a production database from standard input', async () => {
    const result = await createAdmin(['--email', 'ops@example.test'], `${PASSWORD}\n`)
    expect(result.code, result.out).toBe(0)

    const server = await spawnListeningServer(dataDir, PRODUCTION)
    try {
      const response = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ops@example.test', password: PASSWORD }),
      })
      expect(response.status).toBe(200)
      const body = (await response.json()) as { user: { role: string } }
      expect(body.user.role).toBe('hq-admin')
    } finally {
      server.child.kill('SIGTERM')
      await server.exit
    }
  }, 180_000)
})
