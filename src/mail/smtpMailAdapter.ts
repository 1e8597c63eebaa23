import type { EmailAdapter } from 'payload'
import type { Transporter } from 'nodemailer'

/**
 * Payload's mail goes straight to nodemailer. `@payloadcms/email-nodemailer` would do the same,
 * but it is not published for Payload 3.90.2, and Payload refuses to start when its packages'
 * versions differ, so the one call it makes is made here.
 */
export const smtpMailAdapter =
  ({
    defaultFromAddress,
    defaultFromName,
    transport,
  }: {
    defaultFromAddress: string
    defaultFromName: string
    transport: Transporter
  }): EmailAdapter =>
  () => ({
    name: 'smtp',
    defaultFromAddress,
    defaultFromName,
    sendEmail: async (message) =>
      transport.sendMail({
        ...message,
        from: message.from ?? { name: defaultFromName, address: defaultFromAddress },
      }),
  })
