/** A mail ready to send: its subject, plain text and HTML. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The two one-time links of an approval mail (review's /answers/<token>). */
export interface AnswerLinks {
  interested: string;
  notInterested: string;
}
