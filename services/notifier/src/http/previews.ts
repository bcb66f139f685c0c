import { Router } from 'express';
import { z } from 'zod';
import { LanguageSchema, MailKindSchema, MatchSideSchema } from '@koppel/contracts';
import { renderDigestMail } from '../app/mails/digest';
import { renderApprovedMatchMail, renderConfirmedMatchMail } from '../app/mails/match';
import { renderSignInLinkMail } from '../app/mails/sign-in';
import { sampleMatch, sampleMatches } from './sample-matches';

const PreviewQuery = z.object({
  lang: LanguageSchema.catch('nl'),
  recipient: MatchSideSchema.catch('school'),
  format: z.enum(['html', 'text']).catch('html'),
});

/**
 * Previews of every mail template with sample data, for whoever writes or
 * checks the wording: /previews lists them, /previews/<kind>?lang=&recipient=&format= shows one.
 * The answer links in a preview point nowhere (#) on purpose.
 */
export function previewRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    const links = MailKindSchema.options.flatMap((kind) =>
      (['nl', 'fr', 'en'] as const).flatMap((lang) =>
        MatchSideSchema.options.map(
          (recipient) =>
            `<li><a href="/previews/${kind}?lang=${lang}&amp;recipient=${recipient}">${kind === 'approved' ? 'Voorstel' : 'Bevestiging'} · ${lang.toUpperCase()} · ${recipient === 'school' ? 'school' : 'aanbieder'}</a> (<a href="/previews/${kind}?lang=${lang}&amp;recipient=${recipient}&amp;format=text">tekst<span style="position:absolute;left:-999px"> ${kind} ${lang} ${recipient}</span></a>)</li>`,
        ),
      ),
    );
    const digest = (['nl', 'fr', 'en'] as const).map(
      (lang) =>
        `<li><a href="/previews/digest?lang=${lang}">Dagoverzicht voor een aanbieder · ${lang.toUpperCase()}</a> (<a href="/previews/digest?lang=${lang}&amp;format=text">tekst<span style="position:absolute;left:-999px"> digest ${lang}</span></a>)</li>`,
    );
    const signIn = (['nl', 'fr', 'en'] as const).map(
      (lang) =>
        `<li><a href="/previews/sign-in?lang=${lang}">Aanmeldlink · ${lang.toUpperCase()}</a> (<a href="/previews/sign-in?lang=${lang}&amp;format=text">tekst<span style="position:absolute;left:-999px"> sign-in ${lang}</span></a>)</li>`,
    );
    res
      .type('html')
      .send(
        `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Voorbeelden van de mails – koppel</title><style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:0 auto;padding:1rem;color:#1b1b1b}a{color:#0b4f9c}:focus-visible{outline:3px solid #b35c00}</style></head><body><header><p><strong>koppel</strong> · mails</p></header><main><h1>Voorbeelden van de mails</h1><h2>Koppelingen</h2><ul>${links.join('')}</ul><h2>Dagoverzicht</h2><ul>${digest.join('')}</ul><h2>Aanmelden</h2><ul>${signIn.join('')}</ul></main></body></html>`,
      );
  });
  // Before '/:kind': the sign-in mail is not about a match.
  router.get('/sign-in', (req, res) => {
    const q = PreviewQuery.parse(req.query);
    const mail = renderSignInLinkMail({
      name: 'An Peeters',
      language: q.lang,
      link: '#aanmelden',
      expiresAt: new Date(Date.now() + 15 * 60_000),
    });
    if (q.format === 'text') return res.type('text/plain; charset=utf-8').send(`Onderwerp: ${mail.subject}\n\n${mail.text}`);
    res.type('html').send(mail.html);
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
    if (q.format === 'text') return res.type('text/plain; charset=utf-8').send(`Onderwerp: ${mail.subject}\n\n${mail.text}`);
    res.type('html').send(mail.html);
  });
  router.get('/:kind', (req, res) => {
    const kind = MailKindSchema.safeParse(req.params.kind);
    if (!kind.success) return res.status(404).type('text').send('Onbekend sjabloon');
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
    if (q.format === 'text') return res.type('text/plain; charset=utf-8').send(`Onderwerp: ${mail.subject}\n\n${mail.text}`);
    res.type('html').send(mail.html);
  });
  return router;
}
