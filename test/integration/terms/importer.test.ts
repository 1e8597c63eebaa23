import { spawn } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer, type TestServer } from '../../support/server'
import { Api, errorCode, HQ, officeIdOf } from './support'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const SEEDS_DIR = path.resolve(ROOT, '../shared/seeds')
const seeds = existsSync(SEEDS_DIR)
  ? readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : []

/**
 * What each seed holds, read from the documents themselves rather than from the importer: the
 * 北九州 text (000_) cites 第13条(3) though 第13条 has only two items; the 伊勢崎 text (001_) cites
 * nothing that is missing.
 */
const DANGLING_BY_SEED: Record<string, number> = { '000_': 1, '001_': 0 }

function expectedDangling(seed: string): number {
  const prefix = Object.keys(DANGLING_BY_SEED).find((each) => seed.startsWith(each))
  if (prefix === undefined) throw new Error(`no expectation for seed ${seed}`)
  return DANGLING_BY_SEED[prefix]!
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import-terms.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      // Nothing may wait for an answer on stdin.
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('importer CLI', () => {
  it('exits 1 with a Japanese and English message on bad arguments or a missing file', async () => {
    const noArgs = await runCli([])
    expect(noArgs.code).toBe(1)
    expect(noArgs.stderr).toContain('エラー')
    expect(noArgs.stderr).toContain('Error')
    const noOffice = await runCli(['some.txt'])
    expect(noOffice.code).toBe(1)
    expect(noOffice.stderr).toContain('--office')
    const missing = await runCli(['/nonexistent/terms.txt', '--dry-run'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('ファイルを読めません')
    expect(missing.stderr).toContain('cannot read')
  }, 60_000)

  describe.skipIf(seeds.length === 0)('on the seed documents', () => {
    it.each(seeds)(
      'reports what it found in %s without touching a database (--dry-run)',
      async (seed) => {
        const run = await runCli([path.join(SEEDS_DIR, seed), '--dry-run'], {
          DATABASE_URL: 'mongodb://127.0.0.1:1/none',
        })
        expect(run.code, run.stderr).toBe(0)
        expect(run.stdout).toMatch(/条 \/ Articles: \d+/)
        expect(run.stdout).toContain('第1条（目的）')
        expect(run.stdout).toMatch(/項 \d+ \/ 号 \d+/)
        expect(run.stdout).toMatch(/名義人 \/ Signatory: .*公共職業安定所長/)
        expect(run.stdout).toContain('配置できなかった行 / Unplaced lines:')
        expect(run.stdout).toContain(
          `参照先のない条文参照 / Dangling references: ${expectedDangling(seed)}\n`,
        )
        expect(run.stdout).toContain('nothing saved')
        // The terms lint: seed 001 cites the pre-2022 article and misspells a defined term;
        // seed 000 has nothing to report.
        if (seed.startsWith('001_')) {
          expect(run.stdout).toContain('規約の点検 / Terms lint: 2')
          expect(run.stdout).toMatch(/\[statute_citation_stale\].*職業安定法第5条の4/)
          expect(run.stdout).toMatch(/\[term_undefined_variant\].*オンライン職業紹介等/)
        }
        if (seed.startsWith('000_')) expect(run.stdout).toContain('規約の点検 / Terms lint: 0')
      },
      60_000,
    )
  })
})

describe.skipIf(seeds.length === 0)('importer CLI into a database', () => {
  let server: TestServer
  let api: Api
  let cliEnv: Record<string, string>

  beforeAll(async () => {
    server = await startTestServer()
    api = new Api(server)
    cliEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: server.env.database.url,
      KIYAKU_DATA_DIR: server.dataDir,
      KIYAKU_DB_PUSH: 'false',
      KIYAKU_ADMIN: 'off',
      KIYAKU_JOBS_AUTORUN: 'false',
    }
  })
  afterAll(async () => {
    await server?.close()
  })

  it('exits 1 for an unknown office', async () => {
    const run = await runCli([path.join(SEEDS_DIR, seeds[0]!), '--office', 'nowhere'], cliEnv)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('事業所が見つかりません')
  }, 60_000)

  it.each(seeds)(
    'saves %s as a draft edition with the next number, private and unpublishable while references dangle',
    async (seed) => {
      const office = await officeIdOf(server.payload, 'isesaki')
      const before = await server.payload.find({
        collection: 'terms-editions',
        where: { office: { equals: office } },
        sort: '-number',
        limit: 1,
      })
      const run = await runCli([path.join(SEEDS_DIR, seed), '--office', 'isesaki'], cliEnv)
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toContain('下書きとして保存しました')

      const { docs } = await server.payload.find({
        collection: 'terms-editions',
        where: { office: { equals: office } },
        sort: '-number',
        limit: 1,
      })
      const edition = docs[0]!
      expect(edition.number).toBe(before.docs[0]!.number + 1)
      expect(edition.status).toBe('draft')
      const content = edition.content as { articles: { key: string; number: number }[] }
      expect(content.articles[0]).toMatchObject({ key: 'purpose', number: 1 })

      const anonymous = await api.request('GET', `/api/terms-editions/${edition.id}`)
      expect([403, 404]).toContain(anonymous.status)

      const publish = await api.request('PATCH', `/api/terms-editions/${edition.id}`, {
        as: HQ,
        body: { status: 'published' },
      })
      expect(publish.status).toBe(422)
      const problems = (publish.body.errors?.[0]?.data?.problems ?? []) as { code: string }[]
      const danglingProblems = problems.filter((problem) => problem.code === 'dangling_reference')
      if (expectedDangling(seed) === 0) {
        expect(errorCode(publish.body)).not.toBe('dangling_reference')
        expect(danglingProblems).toEqual([])
      } else {
        expect(danglingProblems).toHaveLength(expectedDangling(seed))
      }
    },
    60_000,
  )

  it('refuses a file with no articles', async () => {
    const file = path.join(server.dataDir, 'not-terms.txt')
    writeFileSync(file, 'これは利用規約ではありません。\n')
    const run = await runCli([file, '--office', 'isesaki'], cliEnv)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('no articles')
  }, 60_000)
})
