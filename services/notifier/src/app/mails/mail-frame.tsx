import type { Language } from '@koppel/contracts';
import { renderPage } from '@koppel/http';
import type { Child } from 'hono/jsx';

/**
 * The parts every mail's HTML part is built of. Mail clients ignore or strip
 * stylesheets, so every style is inline; hono's JSX runtime escapes every text
 * and attribute value (decision 0026), so names, titles and notes go in as they are.
 */

/** Button colours: answering yes, answering no, signing in. */
export const COLOURS = { yes: '#11652f', no: '#8a1c1c', signIn: '#0b4f9c' } as const;

/** The whole HTML part: `<html lang>`, the subject as title, the body's font and width. */
export function MailFrame(props: { lang: Language; title: string; children: Child }) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <title>{props.title}</title>
      </head>
      <body style="font-family:Arial,sans-serif;line-height:1.5;color:#1b1b1b;max-width:40rem">{props.children}</body>
    </html>
  );
}

/**
 * A mail's HTML part as text. It keeps the doctype the mails always had
 * (renderPage adds only that to renderFragment; the mail frame is MailFrame, not the site's Page).
 */
export function renderMailHtml(mail: Child): string {
  return renderPage(mail);
}

/** A link that looks like a button; `small` in the digest, `spaced` when two stand side by side. */
export function MailButton(props: { href: string; colour: string; small?: boolean; spaced?: boolean; children: Child }) {
  const style = [
    'display:inline-block',
    `padding:${props.small ? '8px 14px' : '10px 16px'}`,
    ...(props.spaced ? ['margin:4px 8px 4px 0'] : []),
    `background:${props.colour}`,
    'color:#ffffff',
    'text-decoration:none',
    'border-radius:4px',
  ].join(';');
  return (
    <a href={props.href} style={style}>
      {props.children}
    </a>
  );
}

/** The two answer links of a match, side by side. */
export function AnswerButtons(props: {
  links: { interested: string; notInterested: string };
  labels: { interested: string; notInterested: string };
  small?: boolean;
}) {
  return (
    <p>
      <MailButton href={props.links.interested} colour={COLOURS.yes} small={props.small} spaced>
        {props.labels.interested}
      </MailButton>
      <MailButton href={props.links.notInterested} colour={COLOURS.no} small={props.small} spaced>
        {props.labels.notInterested}
      </MailButton>
    </p>
  );
}

/** A small grey paragraph: hints under the links. */
export function Hint(props: { children: Child }) {
  return <p style="color:#4a4a4a;font-size:90%">{props.children}</p>;
}

/** Text whose line breaks are kept as <br> (the closing lines). */
export function Lines(props: { text: string }) {
  return (
    <>
      {props.text.split('\n').map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

/** The closing lines ("Kind regards," and koppel), the last paragraph of every mail. */
export function Closing(props: { text: string }) {
  return (
    <p>
      <Lines text={props.text} />
    </p>
  );
}
