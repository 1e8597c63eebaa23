import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { ja } from '@payloadcms/translations/languages/ja'
import type { Logger } from 'pino'
import path from 'node:path'
import {
  buildConfig,
  type CollectionConfig,
  type CollectionSlug,
  type EmailAdapter,
  type SanitizedConfig,
} from 'payload'

import { roleOf } from '../access/roles'
import { collections, TENANT_SCOPED_COLLECTIONS } from '../collections'
import { globals } from '../globals'
import { localiseErrors } from '../hooks/localiseErrors'
import { releaseFailedBookingRevisions } from '../hooks/releaseFailedBookingRevisions'
import { jobsConfig } from '../jobs'
import { useApplicantKeySecret } from '../services/bookings/applicantKey'
import { textareaJsonFields } from '../admin/fields/textareaJsonFields'
import { tokyoDateCells, tokyoTimestampCells } from '../admin/fields/tokyoDateCells'
import { logMailAdapter } from '../mail/logMailAdapter'
import { smtpMailAdapter } from '../mail/smtpMailAdapter'
import { instrumentJobs } from '../services/metrics/jobMetrics'
import { databaseAdapter } from './database'
import { restrictPayloadCollections } from './restrictPayloadCollections'
import type { KiyakuEnv } from './env'

// The Next.js bundle of the admin has no import.meta.dirname; it always runs from the project root.
const projectRoot = import.meta.dirname ? path.resolve(import.meta.dirname, '../..') : process.cwd()

/** Nodemailer is loaded only when there is an SMTP server to talk to. */
async function emailAdapter(env: KiyakuEnv): Promise<EmailAdapter> {
  const from = /^(.*)<(.+)>\s*$/.exec(env.mailFrom)
  const defaultFromName = from?.[1]?.trim() || 'Kiyaku'
  const defaultFromAddress = from?.[2]?.trim() || env.mailFrom
  if (!env.smtpUrl) return logMailAdapter({ defaultFromAddress, defaultFromName })
  const { default: nodemailer } = await import('nodemailer')
  return smtpMailAdapter({
    defaultFromAddress,
    defaultFromName,
    transport: nodemailer.createTransport(env.smtpUrl),
  })
}

export interface KiyakuConfigOptions {
  /** The server's JSON logger, so Payload's own lines (jobs, mail) join the same stream. */
  logger?: Logger
  /** Collections beside Kiyaku's own, for a program that embeds it (the benchmarks add one). */
  extraCollections?: readonly CollectionConfig[]
}

/**
 * The session cookie is `Secure` wherever the public URL is https; HttpOnly and SameSite=Lax are
 * Payload's defaults and kept. Set on the built config: collection objects are shared between
 * builds, and the plugins add fields to them.
 */
function secureSessionCookie(config: SanitizedConfig, env: KiyakuEnv): SanitizedConfig {
  const users = config.collections.find((collection) => collection.slug === 'users')
  if (users?.auth) {
    users.auth.cookies = {
      ...users.auth.cookies,
      secure: env.publicUrl.startsWith('https://'),
      sameSite: 'Lax',
    }
  }
  return config
}

export async function kiyakuConfig(
  env: KiyakuEnv,
  options: KiyakuConfigOptions = {},
): Promise<SanitizedConfig> {
  useApplicantKeySecret(env.secret)
  const config = await buildConfig({
    ...(options.logger ? { logger: options.logger } : {}),
    secret: env.secret,
    serverURL: env.publicUrl,
    telemetry: false,
    db: await databaseAdapter(env.database, { push: env.pushSchema }),
    editor: lexicalEditor(),
    // Fresh arrays: Payload adds its own collections to the arrays it is given.
    collections: [...collections, ...(options.extraCollections ?? [])],
    globals: [...globals],
    hooks: { afterError: [releaseFailedBookingRevisions, localiseErrors] },
    email: await emailAdapter(env),
    jobs: instrumentJobs(jobsConfig({ autoRun: env.jobsAutoRun, cron: env.jobsCron })),
    i18n: {
      fallbackLanguage: 'ja',
      supportedLanguages: { ja, en },
    },
    admin: {
      user: 'users',
      // The default avatar comes from Gravatar; the admin must not reach outside hosts.
      avatar: 'default',
      dateFormat: 'yyyy/MM/dd HH:mm',
      timezones: {
        supportedTimezones: [{ label: '日本時間 (Asia/Tokyo)', value: 'Asia/Tokyo' }],
        defaultTimezone: 'Asia/Tokyo',
      },
      importMap: { baseDir: projectRoot },
      // No Open Graph image: the dynamic one is a Next route (/api/og) that Express does not serve.
      meta: { titleSuffix: ' - Kiyaku', defaultOGImageType: 'off' },
      components: {
        providers: ['/src/admin/providers/AccessibilityFixes#AccessibilityFixes'],
        beforeNavLinks: ['/src/admin/nav/WorkNavLinks#WorkNavLinks'],
        beforeDashboard: ['/src/admin/dashboard/OfficeDashboard#OfficeDashboard'],
        views: {
          bookingsDay: {
            Component: '/src/admin/bookingsDay/BookingsDayView#BookingsDayView',
            path: '/bookings-day',
            meta: { title: '日別の予約' },
          },
          usage: {
            Component: '/src/admin/usage/UsageView#UsageView',
            path: '/usage',
            meta: { title: '利用状況' },
          },
          bookingsPrint: {
            Component: '/src/admin/bookingsDay/BookingsPrintView#BookingsPrintView',
            path: '/bookings-print',
            meta: { title: '予約一覧（印刷用）' },
          },
        },
      },
    },
    typescript: {
      outputFile: path.resolve(projectRoot, 'src/payload-types.ts'),
      autoGenerate: false,
    },
    graphQL: {
      // A deep query is the cheapest way to make the server do a lot of work.
      maxComplexity: 1000,
      disablePlaygroundInProduction: true,
    },
    defaultDepth: 1,
    maxDepth: 3,
    plugins: [
      multiTenantPlugin({
        tenantsSlug: 'offices',
        tenantField: { name: 'office' },
        tenantsArrayField: { arrayFieldName: 'offices', arrayTenantFieldName: 'office' },
        userHasAccessToAllTenants: (user) => roleOf(user) === 'hq-admin',
        // Access is ours, one function per file in src/access; the plugin adds the field,
        // the membership check on writes, and the admin's office selector.
        useTenantsCollectionAccess: false,
        collections: Object.fromEntries(
          TENANT_SCOPED_COLLECTIONS.map((slug) => [slug, { useTenantAccess: false }]),
        ) as Partial<Record<CollectionSlug, { useTenantAccess: boolean }>>,
        tenantSelectorLabel: { ja: '事業所', en: 'Office' },
      }),
      // Admin only: JSON fields edit in a text area instead of Monaco, which loads from a CDN.
      textareaJsonFields(),
      // Admin only: list columns show dates in Tokyo time whatever the browser's zone.
      tokyoDateCells(),
    ],
  })
  return secureSessionCookie(restrictPayloadCollections(tokyoTimestampCells(config)), env)
}
