import { describe, expect, it } from 'vitest'

import { ConfigError, loadEnv } from '../../../src/config/env'

const DATA_DIR = '/tmp/kiyaku-env-test'
const PRODUCTION = {
  NODE_ENV: 'production' as const,
  KIYAKU_DATA_DIR: DATA_DIR,
  PAYLOAD_SECRET: 'a-production-secret-of-enough-length',
  SMTP_URL: 'smtp://mail.example.test:587',
  PUBLIC_URL: 'https://kiyaku.example.test',
}
const env = (vars: Record<string, string>) =>
  loadEnv({
    NODE_ENV: 'development',
    KIYAKU_DATA_DIR: DATA_DIR,
    PAYLOAD_SECRET: PRODUCTION.PAYLOAD_SECRET,
    ...vars,
  })

describe('demo seeding', () => {
  it('is on for the embedded database and off for any named one unless KIYAKU_DEMO=on', () => {
    expect(env({}).seedDemo).toBe(true)
    expect(env({ DATABASE_URL: 'mongodb://db.example.test/kiyaku' }).seedDemo).toBe(false)
    expect(env({ DATABASE_URL: 'file:/tmp/kiyaku-other.sqlite' }).seedDemo).toBe(false)
    expect(env({ DATABASE_URL: 'mongodb://db.example.test/k', KIYAKU_DEMO: 'on' }).seedDemo).toBe(
      true,
    )
    expect(env({ KIYAKU_DEMO: 'off' }).seedDemo).toBe(false)
  })

  it('never with NODE_ENV=production, and KIYAKU_DEMO=on there stops the start', () => {
    expect(loadEnv(PRODUCTION).seedDemo).toBe(false)
    expect(() => loadEnv({ ...PRODUCTION, KIYAKU_DEMO: 'on' })).toThrow(/KIYAKU_DEMO=on/)
  })
})

describe('production needs real mail and https', () => {
  it('refuses a start without SMTP_URL', () => {
    const { SMTP_URL: _omitted, ...withoutSmtp } = PRODUCTION
    expect(() => loadEnv(withoutSmtp)).toThrow(ConfigError)
    expect(() => loadEnv(withoutSmtp)).toThrow(/SMTP_URL is required/)
  })

  it('refuses a missing or http PUBLIC_URL', () => {
    const { PUBLIC_URL: _omitted, ...withoutUrl } = PRODUCTION
    expect(() => loadEnv(withoutUrl)).toThrow(/PUBLIC_URL must be an https/)
    expect(() => loadEnv({ ...PRODUCTION, PUBLIC_URL: 'http://kiyaku.example.test' })).toThrow(
      /PUBLIC_URL must be an https/,
    )
    expect(loadEnv(PRODUCTION).publicUrl).toBe('https://kiyaku.example.test')
  })
})

describe('TRUST_PROXY', () => {
  it('is loopback by default and takes addresses, ranges, names and hop counts', () => {
    expect(env({}).trustProxy).toEqual(['loopback'])
    expect(env({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
    ])
    expect(env({ TRUST_PROXY: 'loopback,uniquelocal' }).trustProxy).toEqual([
      'loopback',
      'uniquelocal',
    ])
    expect(env({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
  })

  it('refuses "true", "*" and anything that is not an address, naming the variable', () => {
    for (const bad of ['true', '*', 'my-balancer', '10.0.0.0/99', '10.0.0.1,,']) {
      expect(() => env({ TRUST_PROXY: bad }), bad).toThrow(ConfigError)
      expect(() => env({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/)
    }
  })
})
