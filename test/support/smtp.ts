import { SMTPServer } from 'smtp-server'
import PostalMime from 'postal-mime'
import type { AddressInfo } from 'node:net'

export interface ReceivedMail {
  to: string[]
  subject: string
  text: string
  html: string
  attachments: { filename: string | null; mimeType: string; content: string }[]
}

/** A real SMTP receiver on loopback; tests read what Kiyaku actually sent. */
export async function startSmtpReceiver() {
  const inbox: ReceivedMail[] = []
  const waiters: (() => void)[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', async () => {
        const parsed = await PostalMime.parse(Buffer.concat(chunks))
        inbox.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: parsed.html ?? '',
          attachments: parsed.attachments.map((attachment) => ({
            filename: attachment.filename,
            mimeType: attachment.mimeType,
            content:
              typeof attachment.content === 'string'
                ? attachment.content
                : new TextDecoder().decode(attachment.content),
          })),
        })
        waiters.splice(0).forEach((wake) => wake())
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    /** Resolves with the first mail to `address` matching `subject`, waiting up to `timeoutMs`. */
    async waitFor(
      predicate: (mail: ReceivedMail) => boolean,
      timeoutMs = 10_000,
    ): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = inbox.find(predicate)
        if (found) return found
        if (Date.now() > deadline) throw new Error('no matching mail arrived')
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 200)
        })
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
