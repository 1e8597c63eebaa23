import { createServer } from 'node:net'
import { createLocalReq, type Payload } from 'payload'

import type { TermsEdition } from '../../../src/payload-types'
import { publishEditionWithNotice } from '../../../src/services/terms/publish'
import { startTestServer, type TestServer } from '../../support/server'
import { startSmtpReceiver } from '../../support/smtp'

type Smtp = Awaited<ReturnType<typeof startSmtpReceiver>>

export interface SiteTestServer {
  server: TestServer
  smtp: Smtp
  close: () => Promise<void>
}

/**
 * The real server without the admin (no Next build), seeded, mailing to a real SMTP receiver.
 * The port is chosen first so that PUBLIC_URL, and with it the mailed links, name this server.
 */
export async function startSiteTestServer(): Promise<SiteTestServer> {
  const smtp = await startSmtpReceiver()
  const port = await freePort()
  const server = await startTestServer({
    env: {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtp.url,
      KIYAKU_ADMIN: 'off',
      KIYAKU_PUBLIC_RATE_LIMIT: '100000',
    },
  })
  return {
    server,
    smtp,
    close: async () => {
      await server.close()
      await smtp.close()
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export async function officeId(payload: Payload, slug: string): Promise<number | string> {
  const { docs } = await payload.find({
    collection: 'offices',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
  })
  if (!docs[0]) throw new Error(`no office ${slug}`)
  return docs[0].id
}

/**
 * Publishes a new edition of an office's terms taking effect on `effectiveFrom` (today or
 * earlier, so that it is in force at once), composed like the one before it, with its change
 * notice on ground 1 through the terms service. Only seeding may date an edition in the past;
 * the test stands in for a publication made at that midnight.
 */
export async function publishEditionNow(
  payload: Payload,
  slug: string,
  effectiveFrom: string,
): Promise<number> {
  const office = await officeId(payload, slug)
  const { docs } = await payload.find({
    collection: 'terms-editions',
    where: { office: { equals: office }, status: { equals: 'published' } },
    sort: '-number',
    limit: 1,
    depth: 0,
  })
  const previous = docs[0]!
  const req = await createLocalReq({ context: { seeding: true } }, payload)
  const draft = await payload.create({
    collection: 'terms-editions',
    data: {
      office: office as number,
      effectiveFrom,
      status: 'draft',
      template: previous.template,
      overrides: previous.overrides,
    } as TermsEdition,
    req,
  })
  const { edition } = await publishEditionWithNotice(payload, {
    editionId: draft.id,
    ground: '1',
    reasons: '受付方法の説明を分かりやすくするための変更で、利用者の一般の利益に適合します。',
    req,
  })
  return edition.number
}
