import type { AddressedMatch } from '../src/store/mail-source';
import { localDayAndMinute, minuteOfDay } from '../src/app/digest-clock';
import { renderDigestMail } from '../src/app/mails/digest';

function match(id: string, title: string): AddressedMatch {
  return {
    matchId: id,
    requestId: `r-${id}`,
    offerId: 'o',
    score: 0.8,
    explanation: {},
    summary: 'Past bij de leeftijd.',
    request: { title, municipality: 'Kortrijk', postcode: '8500', ageMin: 9, ageMax: 10, pupils: 44, disciplines: ['theatre'] },
    offer: { title: 'Toneelworkshop', municipality: 'Kortrijk', format: 'workshop', pricePerPupil: 5, disciplines: ['theatre'] },
    school: { id: 's', name: `School ${id}`, email: `${id}@school.example`, language: 'nl' },
    provider: { id: 'p', name: 'Theater Antigone', email: 'info@antigone.example', language: 'nl', mailPreference: 'daily_digest' },
  };
}

describe('digest clock', () => {
  it('reads the local day and minute in Brussels, across midnight UTC and daylight saving', () => {
    expect(localDayAndMinute(new Date('2026-01-15T23:30:00Z'), 'Europe/Brussels')).toEqual({ day: '2026-01-16', minute: 30 });
    expect(localDayAndMinute(new Date('2026-07-15T05:15:00Z'), 'Europe/Brussels')).toEqual({ day: '2026-07-15', minute: 7 * 60 + 15 });
    expect(minuteOfDay('07:30')).toBe(450);
  });
});

describe('renderDigestMail', () => {
  it('lists every match with its own answer links, in the provider language', () => {
    const entries = [
      {
        source: { match: match('m1', 'Theater over vriendschap'), note: 'Bus nodig' },
        links: { interested: 'http://r/a/1y', notInterested: 'http://r/a/1n' },
      },
      { source: { match: match('m2', 'Toneel voor het zesde') }, links: { interested: 'http://r/a/2y', notInterested: 'http://r/a/2n' } },
    ];
    const mail = renderDigestMail({ providerName: 'Theater Antigone', language: 'nl', day: '2026-03-05', entries });
    expect(mail.subject).toBe('koppel: 2 nieuwe voorstellen (2026-03-05)');
    expect(mail.text).toContain('1. Toneelworkshop ← Theater over vriendschap');
    expect(mail.text).toContain('Notitie van de bemiddelaar: Bus nodig');
    expect(mail.text).toContain('Ja, geïnteresseerd: http://r/a/2y');
    expect(mail.html).toContain('href="http://r/a/1n"');
    const fr = renderDigestMail({ providerName: 'X', language: 'fr', day: '2026-03-05', entries: entries.slice(0, 1) });
    expect(fr.subject).toBe('koppel : 1 nouvelle proposition (2026-03-05)');
    expect(fr.html).toContain('<html lang="fr">');
  });
});
