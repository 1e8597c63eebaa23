import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import proxyAddr from 'proxy-addr'
import { z } from 'zod'

/** Raised for configuration the server cannot start with; main prints the message and exits 1. */
export class ConfigError extends Error {}

type DatabaseKind = 'sqlite' | 'mongodb'

export interface DatabaseTarget {
  kind: DatabaseKind
  url: string
  /** For messages: never includes credentials. */
  host: string
}

const ACCEPTED_DATABASE_FORMS =
  'DATABASE_URL must be unset (embedded SQLite under ./data), file:PATH (SQLite), mongodb://… or mongodb+srv://… (MongoDB)'

export function parseDatabaseUrl(raw: string | undefined, dataDir: string): DatabaseTarget {
  if (raw === undefined || raw.trim() === '') {
    const file = path.resolve(dataDir, 'kiyaku.sqlite')
    return { kind: 'sqlite', url: `file:${file}`, host: file }
  }
  const value = raw.trim()
  if (value.startsWith('file:')) {
    return { kind: 'sqlite', url: value, host: value.slice('file:'.length) }
  }
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://')) {
    // Not `new URL()`: a replica-set URL lists several host:port pairs, which URL rejects.
    const host = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?#]+)/.exec(value)?.[1]
    if (!host) {
      throw new ConfigError(`DATABASE_URL is not a valid MongoDB URL. ${ACCEPTED_DATABASE_FORMS}.`)
    }
    return { kind: 'mongodb', url: value, host }
  }
  throw new ConfigError(
    `DATABASE_URL "${redact(value)}" is not supported. ${ACCEPTED_DATABASE_FORMS}.`,
  )
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@')
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  KIYAKU_DATA_DIR: z.string().default('./data'),
  PAYLOAD_SECRET: z.string().min(16, 'PAYLOAD_SECRET must be at least 16 characters').optional(),
  DEMO_PASSWORD: z.string().min(8).default('kiyaku-demo'),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Kiyaku <no-reply@kiyaku.localhost>'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Off in tests and CI, where the admin panel is not built. */
  KIYAKU_ADMIN: z.enum(['on', 'off']).default('on'),
  /** Schema push instead of migrations: for tests only. */
  KIYAKU_DB_PUSH: z.enum(['true', 'false']).default('false'),
  KIYAKU_JOBS_AUTORUN: z.enum(['true', 'false']).default('true'),
  /** When background tasks are queued and run: five cron fields, or six with seconds first. */
  KIYAKU_JOBS_CRON: z
    .string()
    .trim()
    .regex(
      /^[\d*/,-]+(\s+[\d*/,-]+){4,5}$/,
      'KIYAKU_JOBS_CRON must be a cron expression of 5 fields (or 6, seconds first), e.g. "* * * * *"',
    )
    .default('* * * * *'),
  /** Requests per minute per address on the public API; tests and benchmarks raise it. */
  KIYAKU_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /** Bearer token for /metrics; without it /metrics is not served. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** Demo offices and accounts: on by default only on the embedded SQLite database. */
  KIYAKU_DEMO: z.enum(['on', 'off']).optional(),
  /** Which proxies' X-Forwarded-For to believe: addresses, CIDR ranges, names, or a hop count. */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('loopback')
    .transform((value, context) => {
      const parsed = parseTrustProxy(value)
      if (typeof parsed === 'string') {
        context.addIssue({ code: 'custom', message: parsed })
        return z.NEVER
      }
      return parsed
    }),
})

/** Express's `trust proxy`: a hop count, or the proxies' addresses and ranges. */
type TrustProxy = number | string[]

const TRUST_PROXY_FORMS =
  'TRUST_PROXY must be a comma-separated list of proxy addresses or CIDR ranges (loopback, linklocal and uniquelocal name the private ranges), e.g. "loopback,10.0.0.0/8", or the number of proxies in front, e.g. "1"'

/** The parsed setting, or a message saying what is wrong with it. */
function parseTrustProxy(value: string): TrustProxy | string {
  if (/^\d+$/.test(value)) return Number(value)
  // "true" would believe any client's X-Forwarded-For, so every limit would be the client's choice.
  if (value === 'true' || value === '*')
    return `TRUST_PROXY=${value} would trust every client. ${TRUST_PROXY_FORMS}.`
  const entries = value.split(',').map((entry) => entry.trim())
  if (entries.length === 0 || entries.some((entry) => entry === '')) return `${TRUST_PROXY_FORMS}.`
  try {
    proxyAddr.compile(entries)
  } catch (error) {
    return `${error instanceof Error ? error.message : String(error)}. ${TRUST_PROXY_FORMS}.`
  }
  return entries
}

export interface KiyakuEnv {
  nodeEnv: 'development' | 'production' | 'test'
  port: number
  host: string
  dataDir: string
  database: DatabaseTarget
  secret: string
  demoPassword: string
  smtpUrl: string | undefined
  mailFrom: string
  publicUrl: string
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  adminEnabled: boolean
  pushSchema: boolean
  jobsAutoRun: boolean
  jobsCron: string
  publicRateLimitPerMinute: number
  metricsToken: string | undefined
  /** Whether a start seeds the demo offices and accounts (never in production). */
  seedDemo: boolean
  trustProxy: TrustProxy
}

/** Parses the whole environment in one place; throws ConfigError with a message fit for an operator. */
export interface LoadEnvOptions {
  /**
   * Whether this process will serve applicants (default). Tools that only read the configuration
   * (the backup CLI, `next build`, the admin bundle inside an already checked server) skip the
   * production serving checks: they send no mail and make no links.
   */
  serving?: boolean
}

export function loadEnv(
  source: NodeJS.ProcessEnv = process.env,
  { serving = true }: LoadEnvOptions = {},
): KiyakuEnv {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid environment:\n  ${lines.join('\n  ')}`)
  }
  const env = parsed.data
  const dataDir = path.resolve(env.KIYAKU_DATA_DIR)
  const database = parseDatabaseUrl(env.DATABASE_URL, dataDir)
  const secret = resolveSecret(env.PAYLOAD_SECRET, env.NODE_ENV, dataDir)
  if (env.NODE_ENV === 'production' && serving) checkProductionEnv(env)
  const embeddedDatabase = !env.DATABASE_URL?.trim()
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database,
    secret,
    demoPassword: env.DEMO_PASSWORD,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL,
    adminEnabled: env.KIYAKU_ADMIN === 'on',
    pushSchema: env.KIYAKU_DB_PUSH === 'true',
    jobsAutoRun: env.KIYAKU_JOBS_AUTORUN === 'true',
    jobsCron: env.KIYAKU_JOBS_CRON,
    publicRateLimitPerMinute: env.KIYAKU_PUBLIC_RATE_LIMIT,
    metricsToken: env.METRICS_TOKEN,
    seedDemo:
      env.NODE_ENV !== 'production' &&
      (env.KIYAKU_DEMO === 'on' || (env.KIYAKU_DEMO === undefined && embeddedDatabase)),
    trustProxy: env.TRUST_PROXY,
  }
}

/**
 * What a live deployment cannot do without: applicants' mail must really be sent (not written to
 * the log), links in it must be https, and demo accounts with a published password never exist.
 */
function checkProductionEnv(env: z.infer<typeof envSchema>): void {
  const problems: string[] = []
  if (env.KIYAKU_DEMO === 'on') {
    problems.push(
      'KIYAKU_DEMO=on creates accounts with a published password; not with NODE_ENV=production.',
    )
  }
  if (!env.SMTP_URL) {
    problems.push('SMTP_URL is required when NODE_ENV=production (without it mail is only logged).')
  }
  if (!env.PUBLIC_URL?.startsWith('https://')) {
    problems.push(
      'PUBLIC_URL must be an https:// URL when NODE_ENV=production (links in mail and the Secure session cookie).',
    )
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'))
}

function resolveSecret(given: string | undefined, nodeEnv: string, dataDir: string): string {
  if (given) return given
  if (nodeEnv === 'production') {
    throw new ConfigError(
      'PAYLOAD_SECRET is required when NODE_ENV=production. Set it to a long random string, e.g. `openssl rand -hex 32`.',
    )
  }
  // Generated once and kept, so sessions survive restarts in development.
  const file = path.join(dataDir, '.payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
