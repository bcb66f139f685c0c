import type { Language } from '@koppel/contracts';
import { copyFor } from './copy';
import { COLOURS, Closing, Hint, Lines, MailButton, MailFrame, renderMailHtml } from './mail-frame';
import type { RenderedMail } from './rendered';

/** What every sign-up mail needs: who it goes to (the name when known), in which language, about which organisation. */
interface SignUpMailBase {
  name?: string;
  language: Language;
  organisationName: string;
}

/**
 * The three mails of an organisation that signed up itself (issue #13): the link that
 * confirms its contact's address (until `expiresAt`), the broker's approval (with the
 * portal's sign-in page) and the broker's rejection (with the reason).
 */
export type SignUpMailInput =
  | (SignUpMailBase & { kind: 'confirm'; link: string; expiresAt: Date })
  | (SignUpMailBase & { kind: 'approved'; link: string })
  | (SignUpMailBase & { kind: 'rejected'; reason: string });

/** "donderdag 15 januari om 15:30": the day and the time in Brussels (the link works for days, not minutes). */
function dayAndTime(at: Date, locale: string): string {
  return at.toLocaleString(locale, {
    timeZone: 'Europe/Brussels',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A link as a button and, under it, as plain text to copy. */
function LinkButton(props: { href: string; label: string }) {
  return (
    <>
      <p>
        <MailButton href={props.href} colour={COLOURS.signIn}>
          {props.label}
        </MailButton>
      </p>
      <p style="font-size:90%;color:#4a4a4a;word-break:break-all">{props.href}</p>
    </>
  );
}

/** The HTML part of a sign-up mail. */
export function SignUpMail(props: { input: SignUpMailInput }) {
  const { input } = props;
  const c = copyFor(input.language);
  const s = c.signUp;
  switch (input.kind) {
    case 'confirm':
      return (
        <MailFrame lang={input.language} title={s.confirm.subject}>
          <p>{c.greeting(input.name)}</p>
          <p>{s.confirm.intro(input.organisationName)}</p>
          <LinkButton href={input.link} label={s.confirm.button} />
          <p>{s.confirm.validUntil(dayAndTime(input.expiresAt, c.locale))}</p>
          <p>{s.confirm.next}</p>
          <Hint>{s.confirm.notYou}</Hint>
          <Closing text={c.closing} />
        </MailFrame>
      );
    case 'approved':
      return (
        <MailFrame lang={input.language} title={s.approved.subject(input.organisationName)}>
          <p>{c.greeting(input.name)}</p>
          <p>{s.approved.intro(input.organisationName)}</p>
          <p>{s.approved.now}</p>
          <ul>
            <li>{s.approved.signIn}</li>
            <li>{s.approved.use}</li>
          </ul>
          <LinkButton href={input.link} label={s.approved.button} />
          <Closing text={c.closing} />
        </MailFrame>
      );
    case 'rejected':
      return (
        <MailFrame lang={input.language} title={s.rejected.subject}>
          <p>{c.greeting(input.name)}</p>
          <p>{s.rejected.intro(input.organisationName)}</p>
          <p>{s.rejected.reason}</p>
          <blockquote style="margin:0 0 1em 0;padding:8px 12px;border-left:4px solid #c4c4c4;color:#333333">
            <Lines text={input.reason} />
          </blockquote>
          <p>{s.rejected.contact}</p>
          <Closing text={c.closing} />
        </MailFrame>
      );
  }
}

/** A text quoted as mail quotes it: every line after "> ". */
function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** The plain-text part: the same words as the HTML part, unescaped. */
function textOf(input: SignUpMailInput): string {
  const c = copyFor(input.language);
  const s = c.signUp;
  const greeting = c.greeting(input.name);
  switch (input.kind) {
    case 'confirm':
      return [
        greeting,
        '',
        s.confirm.intro(input.organisationName),
        input.link,
        '',
        s.confirm.validUntil(dayAndTime(input.expiresAt, c.locale)),
        '',
        s.confirm.next,
        '',
        s.confirm.notYou,
        '',
        c.closing,
      ].join('\n');
    case 'approved':
      return [
        greeting,
        '',
        s.approved.intro(input.organisationName),
        '',
        s.approved.now,
        `- ${s.approved.signIn}`,
        `- ${s.approved.use}`,
        '',
        `${s.approved.button}: ${input.link}`,
        '',
        c.closing,
      ].join('\n');
    case 'rejected':
      return [
        greeting,
        '',
        s.rejected.intro(input.organisationName),
        '',
        s.rejected.reason,
        quoted(input.reason),
        '',
        s.rejected.contact,
        '',
        c.closing,
      ].join('\n');
  }
}

/** The subject of a sign-up mail (a header: the organisation's name as typed). */
function subjectOf(input: SignUpMailInput): string {
  const s = copyFor(input.language).signUp;
  return input.kind === 'approved' ? s.approved.subject(input.organisationName) : s[input.kind].subject;
}

/** A sign-up mail in the contact's language (Dutch when unknown), as HTML and text. */
export function renderSignUpMail(input: SignUpMailInput): RenderedMail {
  return { subject: subjectOf(input), text: textOf(input), html: renderMailHtml(<SignUpMail input={input} />) };
}
