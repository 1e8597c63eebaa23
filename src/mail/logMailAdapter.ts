import type { EmailAdapter } from 'payload'

/**
 * Without SMTP_URL the demo writes mail to the log instead of sending it,
 * so the confirmation links can be followed by hand.
 */
export const logMailAdapter =
  ({
    defaultFromAddress,
    defaultFromName,
  }: {
    defaultFromAddress: string
    defaultFromName: string
  }): EmailAdapter =>
  ({ payload }) => ({
    name: 'log',
    defaultFromAddress,
    defaultFromName,
    sendEmail: async (message) => {
      payload.logger.info(
        { mail: { to: message.to, subject: message.subject, text: message.text } },
        'mail (not sent: SMTP_URL is unset)',
      )
      return { accepted: [message.to] }
    },
  })
