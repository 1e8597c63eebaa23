import { describe, expect, it } from 'vitest'

import { ConfigError, loadEnv, parseDatabaseUrl } from '../../../src/config/env'

const DATA_DIR = '/tmp/kiyaku-env-test'

describe('DATABASE_URL', () => {
  it('takes a replica set URL with several hosts and ports, naming the hosts without credentials', () => {
    const target = parseDatabaseUrl(
      'mongodb://kiyaku:secret@db1:27017,db2:27017,db3:27018/kiyaku?replicaSet=rs0&authSource=admin',
      DATA_DIR,
    )
    expect(target).toMatchObject({ kind: 'mongodb', host: 'db1:27017,db2:27017,db3:27018' })
    expect(target.host).not.toContain('secret')
  })

  it('takes mongodb+srv and SQLite forms, and refuses anything else naming the accepted forms', () => {
    expect(parseDatabaseUrl('mongodb+srv://cluster0.example.net/kiyaku', DATA_DIR)).toMatchObject({
      kind: 'mongodb',
      host: 'cluster0.example.net',
    })
    expect(parseDatabaseUrl(undefined, DATA_DIR)).toMatchObject({
      kind: 'sqlite',
      url: `file:${DATA_DIR}/kiyaku.sqlite`,
    })
    expect(() => parseDatabaseUrl('postgres://user:pw@db/kiyaku', DATA_DIR)).toThrow(
      /file:PATH.*mongodb\+srv:\/\//,
    )
    expect(() => parseDatabaseUrl('postgres://user:pw@db/kiyaku', DATA_DIR)).not.toThrow(/pw/)
  })
})

describe('KIYAKU_JOBS_CRON', () => {
  const env = (cron?: string) =>
    loadEnv({
      NODE_ENV: 'test',
      KIYAKU_DATA_DIR: DATA_DIR,
      PAYLOAD_SECRET: 'a-test-secret-of-enough-length',
      ...(cron === undefined ? {} : { KIYAKU_JOBS_CRON: cron }),
    })

  it('is every minute by default and takes five or six fields', () => {
    expect(env().jobsCron).toBe('* * * * *')
    expect(env('*/5 * * * *').jobsCron).toBe('*/5 * * * *')
    expect(env('* * * * * *').jobsCron).toBe('* * * * * *')
  })

  it('refuses anything else with a message naming the variable', () => {
    for (const bad of ['every minute', '* * *', '* * * * * * *', '$(reboot) * * * *']) {
      expect(() => env(bad)).toThrow(ConfigError)
      expect(() => env(bad)).toThrow(/KIYAKU_JOBS_CRON/)
    }
  })
})
