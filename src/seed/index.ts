import type { Payload } from 'payload'
import type { Logger } from 'pino'

import { demoOffices, demoUsers } from './offices'
import type { OfficeIds } from './officeIds'
import { seedPolicies } from './seedPolicies'
import { seedTerms } from './seedTerms'

export interface SeedOptions {
  password: string
  logger?: Logger
}

/** Every demo account's address ends so; production refuses to start with any of them. */
export const DEMO_EMAIL_DOMAIN = '@demo.test'

/** Idempotent: creates what is missing and leaves what exists alone, so restarts keep edits. */
export async function seedDemoData(
  payload: Payload,
  { password, logger }: SeedOptions,
): Promise<void> {
  const officeIds: OfficeIds = new Map()
  for (const office of demoOffices) {
    const existing = await payload.find({
      collection: 'offices',
      where: { slug: { equals: office.slug } },
      limit: 1,
      depth: 0,
    })
    const doc =
      existing.docs[0] ?? (await payload.create({ collection: 'offices', data: { ...office } }))
    officeIds.set(office.slug, doc.id)
  }

  let createdUsers = 0
  for (const user of demoUsers) {
    const existing = await payload.count({
      collection: 'users',
      where: { email: { equals: user.email } },
    })
    if (existing.totalDocs > 0) continue
    const officeId = user.office ? officeIds.get(user.office) : undefined
    await payload.create({
      collection: 'users',
      data: {
        email: user.email,
        name: user.name,
        role: user.role,
        password,
        // Ids are numbers on SQLite and strings on MongoDB; the generated types only know SQLite's.
        offices: officeId === undefined ? [] : [{ office: officeId as number }],
      },
    })
    createdUsers++
  }

  // Terms are composed from the policies, so policies come first.
  await seedPolicies(payload, officeIds)
  await seedTerms(payload, officeIds)

  if (createdUsers > 0) {
    // Printed once, on the start that created the accounts.
    const accounts = demoUsers.map((user) => user.email).join(', ')
    const line = `Demo accounts: ${accounts}; password: ${password}`
    if (logger) logger.info(line)
    else process.stdout.write(`${line}\n`)
  }
}
