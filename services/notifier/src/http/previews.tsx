import { type Response, Router } from 'express';
import { z } from 'zod';
import { LANGUAGES, LanguageSchema, type MailKind, MailKindSchema, type MatchSide, MatchSideSchema } from '@koppel/contracts';
import { renderPage } from '@koppel/http';
import { renderDigestMail } from '../app/mails/digest';
import { renderApprovedMatchMail, renderConfirmedMatchMail } from '../app/mails/match';
import type { RenderedMail } from '../app/mails/rendered';
import { renderSignInLinkMail } from '../app/mails/sign-in';
import { renderSignUpMail, type SignUpMailInput } from '../app/mails/sign-up';
import { sampleMatch, sampleMatches } from './sample-matches';

const PreviewQuery = z.object({
  lang: LanguageSchema.catch('nl'),
  recipient: MatchSideSchema.catch('school'),
  format: z.enum(['html', 'text']).catch('html'),
});

/**
 * The index's own style, inline: the previews' Content-Security-Policy allows inline
 * styles (the mails need them) and nothing from 'self'. It goes in as a text child, which
 * hono escapes: it has no character escaping would change (the previews test checks it arrives whole).
 */
export const PREVIEWS_CSS =
  'body{font-family:system-ui,sans-serif;max-width:50rem;margin:0 auto;padding:1rem;color:#1b1b1b}a{color:#0b4f9c}:focus-visible{outline:3px solid #b35c00}';

/** Words of the index, which is for koppel's own people and in Dutch only (the mails themselves are in copy/). */
const KIND_LABEL: Record<MailKind, string> = { approved: 'Voorstel', confirmed: 'Bevestiging' };
const SIDE_LABEL: Record<MatchSide, string> = { school: 'school', provider: 'aanbieder' };
const SIGN_UP_KINDS = ['confirm', 'approved', 'rejected'] as const satisfies readonly SignUpMailInput['kind'][];
const SIGN_UP_LABEL: Record<SignUpMailInput['kind'], string> = {
  confirm: 'Aanmelding bevestigen',
  approved: 'Aanmelding goedgekeurd',
  rejected: 'Aanmelding afgewezen',
};

/** A preview's link, and its text version's with a hidden name telling screen readers which one it is. */
function PreviewItem(props: { href: string; label: string; hiddenName: string }) {
  const separator = props.href.includes('?') ? '&' : '?';
  return (
    <li>
      <a href={props.href}>{props.label}</a> (
      <a href={`${props.href}${separator}format=text`}>
        tekst<span style="position:absolute;left:-999px">{` ${props.hiddenName}`}</span>
      </a>
      )
    </li>
  );
}

/** The list of every preview: each template × language × recipient, the digest, the sign-in mail and the sign-up mails. */
export function PreviewIndex() {
  return (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <title>Voorbeelden van de mails – koppel</title>
        <style>{PREVIEWS_CSS}</style>
      </head>
      <body>
        <header>
          <p>
            <strong>koppel</strong> · mails
          </p>
        </header>
        <main>
          <h1>Voorbeelden van de mails</h1>
          <h2>Koppelingen</h2>
          <ul>
            {MailKindSchema.options.flatMap((kind) =>
              LANGUAGES.flatMap((lang) =>
                MatchSideSchema.options.map((recipient) => (
                  <PreviewItem
                    href={`/previews/${kind}?lang=${lang}&recipient=${recipient}`}
                    label={`${KIND_LABEL[kind]} · ${lang.toUpperCase()} · ${SIDE_LABEL[recipient]}`}
                    hiddenName={`${kind} ${lang} ${recipient}`}
                  />
                )),
              ),
            )}
          </ul>
          <h2>Dagoverzicht</h2>
          <ul>
            {LANGUAGES.map((lang) => (
              <PreviewItem
                href={`/previews/digest?lang=${lang}`}
                label={`Dagoverzicht voor een aanbieder · ${lang.toUpperCase()}`}
                hiddenName={`digest ${lang}`}
              />
            ))}
          </ul>
          <h2>Aanmelden</h2>
          <ul>
            {LANGUAGES.map((lang) => (
              <PreviewItem
                href={`/previews/sign-in?lang=${lang}`}
                label={`Aanmeldlink · ${lang.toUpperCase()}`}
                hiddenName={`sign-in ${lang}`}
              />
            ))}
          </ul>
          <h2>Organisatie aangemeld</h2>
          <ul>
            {SIGN_UP_KINDS.flatMap((kind) =>
              LANGUAGES.map((lang) => (
                <PreviewItem
                  href={`/previews/sign-up/${kind}?lang=${lang}`}
                  label={`${SIGN_UP_LABEL[kind]} · ${lang.toUpperCase()}`}
                  hiddenName={`sign-up ${kind} ${lang}`}
                />
              )),
            )}
          </ul>
        </main>
      </body>
    </html>
  );
}

/** A mail as its preview shows it: the HTML part as sent, or the subject and the plain-text part. */
function sendMail(res: Response, mail: RenderedMail, format: 'html' | 'text'): void {
  if (format === 'text') res.type('text/plain; charset=utf-8').send(`Onderwerp: ${mail.subject}\n\n${mail.text}`);
  else res.type('html').send(mail.html);
}

/**
 * Previews of every mail template with sample data, for whoever writes or
 * checks the wording: /previews lists them, /previews/<kind>?lang=&recipient=&format= shows one
 * (/previews/sign-in, /previews/digest and /previews/sign-up/<confirm|approved|rejected> take lang and format).
 * The answer links in a preview point nowhere (#) on purpose.
 */
export function previewRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => void res.type('html').send(renderPage(<PreviewIndex />)));
  // Before '/:kind': the sign-in mail is not about a match.
  router.get('/sign-in', (req, res) => {
    const q = PreviewQuery.parse(req.query);
    const mail = renderSignInLinkMail({
      name: 'An Peeters',
      language: q.lang,
      link: '#aanmelden',
      expiresAt: new Date(Date.now() + 15 * 60_000),
    });
    sendMail(res, mail, q.format);
  });
  // The three mails of an organisation that signed up itself: confirm the address, approved, rejected.
  router.get('/sign-up/:kind', (req, res) => {
    const kind = z.enum(SIGN_UP_KINDS).safeParse(req.params.kind);
    if (!kind.success) return void res.status(404).type('text').send('Onbekend sjabloon');
    const q = PreviewQuery.parse(req.query);
    const base = { name: 'An Peeters', language: q.lang, organisationName: 'Theater Antigone' };
    const input: SignUpMailInput =
      kind.data === 'confirm'
        ? { ...base, kind: 'confirm', link: '#bevestigen', expiresAt: new Date(Date.now() + 48 * 3600_000) }
        : kind.data === 'approved'
          ? { ...base, kind: 'approved', link: '#portaal' }
          : {
              ...base,
              kind: 'rejected',
              reason: 'We vinden geen organisatie met deze naam in Kortrijk.\nStuur ons gerust je ondernemingsnummer.',
            };
    sendMail(res, renderSignUpMail(input), q.format);
  });
  // The daily digest of a provider who chose one mail a day, with two sample matches.
  router.get('/digest', (req, res) => {
    const q = PreviewQuery.parse(req.query);
    const links = { interested: '#geinteresseerd', notInterested: '#niet-geinteresseerd' };
    const entries = sampleMatches(q.lang).map((match, i) => ({
      source: { match, note: i === 0 ? 'Bus nodig; de school denkt aan maart.' : undefined },
      links,
    }));
    const mail = renderDigestMail({
      providerName: entries[0].source.match.provider.name,
      language: q.lang,
      day: new Date().toISOString().slice(0, 10),
      entries,
    });
    sendMail(res, mail, q.format);
  });
  router.get('/:kind', (req, res) => {
    const kind = MailKindSchema.safeParse(req.params.kind);
    if (!kind.success) return void res.status(404).type('text').send('Onbekend sjabloon');
    const q = PreviewQuery.parse(req.query);
    const match = sampleMatch(q.lang);
    const mail =
      kind.data === 'approved'
        ? renderApprovedMatchMail(
            {
              match,
              note: 'Bus nodig; de school denkt aan maart.',
              links: { interested: '#geinteresseerd', notInterested: '#niet-geinteresseerd' },
            },
            q.recipient,
          )
        : renderConfirmedMatchMail({ match }, q.recipient);
    sendMail(res, mail, q.format);
  });
  return router;
}
