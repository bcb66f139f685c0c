import type { AddressedMatch } from '../src/store/mail-source';
import { renderApprovedMatchMail, renderConfirmedMatchMail } from '../src/app/mails/match';
import { answerLinksFor } from '../src/app/answer-links';
import { verifyAnswerToken } from '@koppel/answer-links';

const match: AddressedMatch = {
  matchId: 'm-1',
  requestId: 'r-1',
  offerId: 'o-1',
  score: 0.8,
  explanation: {},
  summary: 'Past bij de leeftijd.',
  request: { title: 'Theater', municipality: 'Kortrijk', postcode: '8500', ageMin: 9, ageMax: 10, pupils: 44, disciplines: ['theatre'] },
  offer: { title: 'Toneelworkshop', municipality: 'Kortrijk', format: 'workshop', pricePerPupil: 5, disciplines: ['theatre'] },
  school: { id: 's', name: 'De Klimop', email: 'school@example.org', language: 'nl' },
  provider: { id: 'p', name: 'Théâtre du Nord', email: 'info@example.org', language: 'fr' },
};
const links = { interested: 'http://review/answers/yes-token', notInterested: 'http://review/answers/no-token' };
const input = { match, note: 'Let op: <b>bus</b> nodig', links };

describe('renderApprovedMatchMail', () => {
  it('writes to the school in Dutch, naming the provider and how to reach them, with both answer links', () => {
    const mail = renderApprovedMatchMail(input, 'school');
    expect(mail.subject).toBe('Voorstel van koppel: Toneelworkshop');
    expect(mail.text).toContain('Beste De Klimop,');
    expect(mail.text).toContain('Théâtre du Nord <info@example.org>');
    expect(mail.text).toContain('44 leerlingen van 9–10 jaar');
    expect(mail.text).toContain('Ja, geïnteresseerd: http://review/answers/yes-token');
    expect(mail.text).toContain('Nee, niet geïnteresseerd: http://review/answers/no-token');
    expect(mail.html).toContain('href="http://review/answers/yes-token"');
  });

  it('writes to the provider in its own language', () => {
    const mail = renderApprovedMatchMail(input, 'provider');
    expect(mail.subject).toBe('Proposition de koppel : Toneelworkshop');
    expect(mail.text).toContain('De Klimop <school@example.org>');
    expect(mail.html).toContain('lang="fr"');
  });

  it('explains why it fits from the engine explanation, in the reader language', () => {
    const explained = {
      ...match,
      explanation: {
        distanceKm: 3.2,
        reachedBy: 'on_site',
        ageOverlap: { from: 9, to: 10, coverage: 1 },
        matchedTerms: ['toneel'],
        matchedThemes: [],
        overBudget: false,
        offerLanguage: 'nl',
        wantedLanguage: 'nl',
      },
    };
    expect(renderApprovedMatchMail({ ...input, match: explained }, 'school').text).toContain('Gedeelde woorden: toneel');
    expect(renderApprovedMatchMail({ ...input, match: explained }, 'provider').text).toContain('Mots en commun : toneel');
  });

  it('escapes data in the HTML part', () => {
    const mail = renderApprovedMatchMail(input, 'school');
    expect(mail.html).toContain('&lt;b&gt;bus&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>bus</b>');
  });
});

describe('renderConfirmedMatchMail', () => {
  it('gives each side the other one’s contact details', () => {
    expect(renderConfirmedMatchMail({ match }, 'school').text).toContain('Théâtre du Nord <info@example.org>');
    const toProvider = renderConfirmedMatchMail({ match }, 'provider');
    expect(toProvider.subject).toBe('Confirmé : Toneelworkshop');
    expect(toProvider.text).toContain('De Klimop <school@example.org>');
  });
});

describe('answerLinksFor', () => {
  it('signs one link per answer for exactly this match and side', () => {
    const secret = 's'.repeat(40);
    const made = answerLinksFor('m-1', 'provider', { secret, publicUrl: 'http://review.example/', ttlDays: 30 });
    expect(made.interested.startsWith('http://review.example/answers/')).toBe(true);
    const check = verifyAnswerToken(made.notInterested.split('/answers/')[1], secret);
    expect(check.ok && check.claims).toEqual(expect.objectContaining({ m: 'm-1', s: 'provider', a: 'not_interested' }));
  });
});
