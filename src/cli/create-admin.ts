/**
 * npm run create-admin -- --email ADDRESS [--name NAME]
 *
 * Creates a headquarters admin (hq-admin): the first account of a production database, where
 * POST /api/users/first-register is closed. The password is read from KIYAKU_ADMIN_PASSWORD or,
 * when that is unset, from standard input (one line); never from the command line, where other
 * users of the machine could read it in the process list and it would stay in shell history.
 * Uses the server's environment (DATABASE_URL, PAYLOAD_SECRET, …) and applies the migrations as
 * a start does. Exit codes: 0 created, 1 bad arguments, weak password, account exists or error.
 */
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'

import { loadEnv } from '../config/env'
import { kiyakuConfig } from '../config/payloadConfig'
import { migrations } from '../migrations'

const MIN_PASSWORD_LENGTH = 12
const USAGE =
  'Usage: npm run create-admin -- --email ADDRESS [--name NAME]\n' +
  '  password: KIYAKU_ADMIN_PASSWORD, or one line on standard input\n' +
  '  e.g. read -rs PW && printf %s "$PW" | npm run create-admin -- --email hq@example.jp\n'

class UsageError extends Error {}

function readArguments(argv: string[]): { email: string; name: string | undefined } {
  if (argv.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    throw new UsageError(
      'The password is never taken from the command line (process list, shell history). Pass it in KIYAKU_ADMIN_PASSWORD or on standard input.',
    )
  }
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' } },
    }))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const email = values.email?.trim().toLowerCase()
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new UsageError('--email ADDRESS is required')
  }
  return { email, name: values.name }
}

async function readPassword(): Promise<string> {
  const given = process.env.KIYAKU_ADMIN_PASSWORD
  if (given !== undefined) return given
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; prefer a pipe): ')
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

async function main(): Promise<void> {
  const { email, name } = readArguments(process.argv.slice(2))
  const password = await readPassword()
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
  }
  const env = { ...loadEnv(), jobsAutoRun: false }
  const payload = await getPayload({ config: await kiyakuConfig(env), cron: false })
  try {
    if (env.database.kind === 'sqlite' && !env.pushSchema) {
      await payload.db.migrate({
        migrations: migrations as unknown as NonNullable<
          Parameters<typeof payload.db.migrate>[0]
        >['migrations'],
      })
    }
    const { totalDocs } = await payload.count({
      collection: 'users',
      where: { email: { equals: email } },
    })
    if (totalDocs > 0) throw new UsageError(`An account ${email} exists already.`)
    await payload.create({
      collection: 'users',
      data: { email, name: name ?? email, role: 'hq-admin', password, offices: [] },
      overrideAccess: true,
    })
    process.stdout.write(`Created headquarters admin ${email}.\n`)
  } finally {
    await payload.destroy()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`${message}\n${error instanceof UsageError ? USAGE : ''}`)
    process.exit(1)
  },
)
