import type { MatchDecidedPayload } from '@koppel/contracts';
import { renderApprovedMatchMail } from '../src/mail/templates';

const decided: MatchDecidedPayload = {
  decision: 'approved',
  decidedBy: 'broker',
  decidedAt: new Date(0).toISOString(),
  note: 'Let op: <b>bus</b> nodig',
  match: {
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
  },
};

describe('renderApprovedMatchMail', () => {
  it('writes to the school in Dutch, naming the provider and how to reach them', () => {
    const mail = renderApprovedMatchMail(decided, 'school');
    expect(mail.subject).toBe('Voorstel van koppel: Toneelworkshop');
    expect(mail.text).toContain('Beste De Klimop,');
    expect(mail.text).toContain('Théâtre du Nord <info@example.org>');
    expect(mail.text).toContain('44 × 9–10');
  });

  it('writes to the provider in its own language', () => {
    const mail = renderApprovedMatchMail(decided, 'provider');
    expect(mail.subject).toBe('Proposition de koppel : Toneelworkshop');
    expect(mail.text).toContain('De Klimop <school@example.org>');
    expect(mail.html).toContain('lang="fr"');
  });

  it('escapes data in the HTML part', () => {
    const mail = renderApprovedMatchMail(decided, 'school');
    expect(mail.html).toContain('&lt;b&gt;bus&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>bus</b>');
  });
});
