/** One mail as handed to the mail server: the Message-ID is fixed per mail, so a mail sent again is recognisably the same. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * What the use cases need of the mail server: nodemailer's transport (service.ts)
 * fits it. A send that fails throws; `classifyFailure` tells a refusal (5xx) from
 * a mail server that is away or busy.
 */
export interface MailTransport {
  sendMail(mail: OutgoingMail): Promise<unknown>;
}
