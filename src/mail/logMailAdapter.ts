import type { EmailAdapter } from 'payload'

/** Where the links in a mail lead, without their query strings: link tokens live there. */
function linksIn(text: unknown): string[] {
  const links = typeof text === 'string' ? (text.match(/https?:\/\/[^\s<>"]+/g) ?? []) : []
  return links.map((link) => link.split('?')[0]!)
}

/**
 * Without SMTP_URL (the demo only: production requires it) mail is written to the log instead of
 * being sent. Only the subject and where the links lead are logged: the recipient and the body
 * are the applicant's personal data, a link's token would let anyone who reads the log confirm or
 * cancel the booking, and Payload's logger (used here) has no redaction.
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
