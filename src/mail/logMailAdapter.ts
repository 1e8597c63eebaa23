import type { EmailAdapter } from 'payload'

/** The links in a mail: what a demo user needs to follow by hand. */
function linksIn(text: unknown): string[] {
  return typeof text === 'string' ? (text.match(/https?:\/\/[^\s<>"]+/g) ?? []) : []
}

/**
 * Without SMTP_URL the demo writes mail to the log instead of sending it, so the confirmation
 * links can be followed by hand. Only the subject and the links are logged: the recipient and the
 * body are the applicant's personal data, and Payload's logger (used here) has no redaction.
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
        { mail: { subject: message.subject, links: linksIn(message.text) } },
        'mail (not sent: SMTP_URL is unset)',
      )
      return { accepted: [message.to] }
    },
  })
