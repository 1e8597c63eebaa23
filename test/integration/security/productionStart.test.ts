import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { spawnListeningServer } from '../../support/process'
import { DEMO_PASSWORD } from '../../support/server'

const tempDirs: string[] = []
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiyaku-production-'))
  tempDirs.push(dir)
  return dir
}

const PRODUCTION = {
  NODE_ENV: 'production',
  PAYLOAD_SECRET: 'a-production-secret-of-enough-length',
  SMTP_URL: 'smtp://127.0.0.1:9',
  PUBLIC_URL: 'https://kiyaku.example.test',
  LOG_LEVEL: 'info',
}

function runToExit(env: Record<string, string>, entry = ['src/server/main.ts']) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', ...entry],
      {
        env: {
          PATH: process.env.PATH ?? '',
          KIYAKU_ADMIN: 'off',
          PORT: '0',
          ...env,
        } as unknown as NodeJS.ProcessEnv,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

async function canLogIn(url: string, email: string): Promise<boolean> {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  return response.status === 200
}

describe('production never has demo accounts', () => {
  it('seeds nothing on an empty database', async () => {
    const server = await spawnListeningServer(tempDataDir(), PRODUCTION)
    try {
      expect(await canLogIn(server.url, 'hq@demo.test')).toBe(false)
      expect(server.output()).not.toContain('Demo accounts')
    } finally {
      server.child.kill('SIGTERM')
      await server.exit
    }
  }, 120_000)

  it('refuses to start, saying why, on a database that holds a demo account', async () => {
    const dataDir = tempDataDir()
    // A @demo.test account, as a demo start would leave (made here with the operator command,
    // so the test needs no seeding).
    const created = await runToExit(
      { ...PRODUCTION, KIYAKU_DATA_DIR: dataDir, KIYAKU_ADMIN_PASSWORD: DEMO_PASSWORD.repeat(2) },
      ['src/cli/create-admin.ts', '--email', 'hq@demo.test'],
    )
    expect(created.code, created.stderr).toBe(0)

    const result = await runToExit({ ...PRODUCTION, KIYAKU_DATA_DIR: dataDir })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('demo account')
    expect(result.stderr).toContain('@demo.test')
  }, 180_000)
})
