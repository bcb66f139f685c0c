import { LANGUAGES, MATCH_SIDES } from '@koppel/contracts';
import { copyFor, MAIL_COPY } from '../src/app/mails/copy';
import { renderDigestMail } from '../src/app/mails/digest';
import { renderApprovedMatchMail, renderConfirmedMatchMail } from '../src/app/mails/match';
import type { RenderedMail } from '../src/app/mails/rendered';
import { renderSignInLinkMail } from '../src/app/mails/sign-in';
import { renderSignUpMail } from '../src/app/mails/sign-up';
import type { AddressedMatch } from '../src/store/mail-source';

/**
 * Every mail in every language, with names, titles, notes and municipalities that
 * try to break out of the HTML: the HTML part escapes them (hono's JSX runtime, decision
 * 0026), the plain-text part shows them as they were typed.
 */
const hostile = (what: string) => `<script>alert("${what}")</script> Tom & Jerry's '${what}'`;
const escaped = (what: string) => `&lt;script&gt;alert(&quot;${what}&quot;)&lt;/script&gt; Tom &amp; Jerry&#39;s &#39;${what}&#39;`;
const FIELDS = ['school', 'provider', 'request', 'offer', 'municipality', 'place', 'note', 'why'] as const;

function hostileMatch(lang: (typeof LANGUAGES)[number]): AddressedMatch {
  return {
    matchId: 'm-<1>',
    requestId: 'r-1',
    offerId: 'o-1',
    score: 0.8,
    explanation: {},
    summary: hostile('why'),
    request: {
      title: hostile('request'),
      municipality: hostile('municipality'),
      postcode: '8500',
      ageMin: 9,
      ageMax: 10,
      pupils: 44,
      disciplines: [],
    },
    offer: { title: hostile('offer'), municipality: hostile('place'), format: 'workshop', pricePerPupil: 5, disciplines: [] },
    school: { id: 's', name: hostile('school'), email: 'school@example.org', language: lang },
    provider: { id: 'p', name: hostile('provider'), email: 'info@example.org', language: lang },
  };
}

const links = { interested: 'http://review.example/answers/yes?a=1&b="2"', notInterested: 'http://review.example/answers/no?<x>' };

/** Every mail the notifier sends, in one language, with the hostile values. */
function everyMail(lang: (typeof LANGUAGES)[number]): Array<[string, RenderedMail, readonly string[]]> {
  const match = hostileMatch(lang);
  const note = hostile('note');
  return [
    ...MATCH_SIDES.flatMap(
      (side): Array<[string, RenderedMail, readonly string[]]> => [
        [`approved to the ${side}`, renderApprovedMatchMail({ match, note, links }, side), FIELDS],
        [`confirmed to the ${side}`, renderConfirmedMatchMail({ match }, side), FIELDS.filter((f) => f !== 'note' && f !== 'why')],
      ],
    ),
    [
      'daily digest',
      renderDigestMail({
        providerName: hostile('provider'),
        language: lang,
        day: '2026-03-05',
        entries: [{ source: { match, note }, links }],
      }),
      FIELDS.filter((f) => f !== 'place'),
    ],
    [
      'sign-in link',
      renderSignInLinkMail({
        name: hostile('school'),
        language: lang,
        link: links.interested,
        expiresAt: new Date('2026-01-15T14:30:00Z'),
      }),
      ['school'],
    ],
    ...(['confirm', 'approved', 'rejected'] as const).map((kind): [string, RenderedMail, readonly string[]] => {
      const base = { name: hostile('school'), organisationName: hostile('provider'), language: lang };
      const mail =
        kind === 'confirm'
          ? renderSignUpMail({ ...base, kind, link: links.interested, expiresAt: new Date('2026-01-15T14:30:00Z') })
          : kind === 'approved'
            ? renderSignUpMail({ ...base, kind, link: links.interested })
            : renderSignUpMail({ ...base, kind, reason: hostile('note') });
      return [`sign-up ${kind}`, mail, kind === 'rejected' ? ['school', 'provider', 'note'] : ['school', 'provider']];
    }),
  ];
}

describe.each(LANGUAGES)('every mail in %s', (lang) => {
  it.each(everyMail(lang))('%s: the HTML part escapes what people typed, the text part keeps it readable', (_name, mail, fields) => {
    expect(mail.html.startsWith(`<!doctype html>\n<html lang="${lang}">`)).toBe(true);
    expect(mail.html).not.toContain('<script');
    expect(mail.html).not.toMatch(/alert\("/);
    for (const field of fields) {
      expect(mail.html).toContain(escaped(field));
      expect(mail.text).toContain(hostile(field));
    }
    // The text part is plain text: nothing in it was escaped for HTML.
    expect(mail.text).not.toMatch(/&(lt|gt|amp|quot|#39);/);
  });

  it('escapes the answer, sign-in and sign-up links in their href, and keeps them whole in the text', () => {
    // The confirmation carries no link: both sides have answered; nor does a rejected sign-up.
    for (const [name, mail] of everyMail(lang).filter(([name]) => !name.startsWith('confirmed') && name !== 'sign-up rejected')) {
      expect([name, mail.html]).toEqual([
        name,
        expect.stringContaining('href="http://review.example/answers/yes?a=1&amp;b=&quot;2&quot;"'),
      ]);
      expect([name, mail.text]).toEqual([name, expect.stringContaining(links.interested)]);
    }
    const approved = renderApprovedMatchMail({ match: hostileMatch(lang), links }, 'school');
    expect(approved.html).toContain('href="http://review.example/answers/no?&lt;x&gt;"');
    expect(approved.text).toContain(links.notInterested);
  });

  it('puts the title in the subject as typed (a header, not HTML) and escaped in the <title>', () => {
    const mail = renderApprovedMatchMail({ match: hostileMatch(lang), links }, 'provider');
    expect(mail.subject).toBe(copyFor(lang).match.subject(hostile('offer')));
    expect(mail.html).toContain(`<title>${copyFor(lang).match.subject(escaped('offer'))}</title>`);
  });
});

describe('the mail copy', () => {
  it('speaks nl, fr and en, and Dutch to anyone else', () => {
    expect(Object.keys(MAIL_COPY).sort()).toEqual([...LANGUAGES].sort());
    expect(copyFor('fr')).toBe(MAIL_COPY.fr);
    expect(copyFor('de')).toBe(MAIL_COPY.nl);
    expect(copyFor(undefined)).toBe(MAIL_COPY.nl);
  });
});
