import type { Language } from '@koppel/contracts';
import { copyFor } from './copy';
import { COLOURS, Closing, Hint, MailButton, MailFrame, renderMailHtml } from './mail-frame';
import type { RenderedMail } from './rendered';

export interface SignInMailInput {
  name?: string;
  language: Language;
  link: string;
  expiresAt: Date;
}

/** "21:55 (Brussels time)" style: the reader is in Flanders or the Netherlands, both on Brussels/Amsterdam time. */
function clockTime(at: Date, locale: string): string {
  return at.toLocaleTimeString(locale, { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit' });
}

/** The HTML part of the sign-in link mail: the link as a button and as plain text (to copy), until when it works. */
export function SignInLinkMail(props: { input: SignInMailInput }) {
  const { input } = props;
  const c = copyFor(input.language);
  return (
    <MailFrame lang={input.language} title={c.signIn.subject}>
      <p>{c.greeting(input.name)}</p>
      <p>{c.signIn.intro}</p>
      <p>
        <MailButton href={input.link} colour={COLOURS.signIn}>
          {c.signIn.button}
        </MailButton>
      </p>
      <p style="font-size:90%;color:#4a4a4a;word-break:break-all">{input.link}</p>
      <p>{c.signIn.validUntil(clockTime(input.expiresAt, c.locale))}</p>
      <Hint>{c.signIn.notYou}</Hint>
      <Closing text={c.closing} />
    </MailFrame>
  );
}

/** The one-time sign-in link mail, in the contact's language (Dutch when unknown), as HTML and text. */
export function renderSignInLinkMail(input: SignInMailInput): RenderedMail {
  const c = copyFor(input.language);
  const until = c.signIn.validUntil(clockTime(input.expiresAt, c.locale));
  const text = [c.greeting(input.name), '', c.signIn.intro, input.link, '', until, c.signIn.notYou, '', c.closing].join('\n');
  return { subject: c.signIn.subject, text, html: renderMailHtml(<SignInLinkMail input={input} />) };
}
