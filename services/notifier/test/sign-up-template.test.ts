import { LANGUAGES } from '@koppel/contracts';
import { renderSignUpMail, type SignUpMailInput } from '../src/app/mails/sign-up';

const confirmLink = 'http://portal.example/aanmelden/bevestigen?token=abc_DEF-123';
const portalLink = 'http://portal.example/aanmelden';
// 14:30 UTC on Thursday 15 January 2026 is 15:30 in Brussels.
const expiresAt = new Date('2026-01-15T14:30:00Z');
const base = { name: 'An Peeters', organisationName: 'Theater Antigone' };

const confirm = (language: SignUpMailInput['language'], extra: Partial<SignUpMailInput> = {}) =>
  renderSignUpMail({ ...base, language, kind: 'confirm', link: confirmLink, expiresAt, ...extra } as SignUpMailInput);
const approved = (language: SignUpMailInput['language'], extra: Partial<SignUpMailInput> = {}) =>
  renderSignUpMail({ ...base, language, kind: 'approved', link: portalLink, ...extra } as SignUpMailInput);
const rejected = (language: SignUpMailInput['language'], extra: Partial<SignUpMailInput> = {}) =>
  renderSignUpMail({
    ...base,
    language,
    kind: 'rejected',
    reason: 'Geen gekende organisatie.\nBel ons gerust.',
    ...extra,
  } as SignUpMailInput);

describe('renderSignUpMail: confirm', () => {
  it.each([
    [
      'nl',
      'Bevestig je aanmelding bij koppel',
      'Beste An Peeters,',
      'geldig tot donderdag 15 januari om 15:30 (Belgische tijd)',
      'negeren',
    ],
    [
      'fr',
      'Confirmez votre inscription à koppel',
      'Bonjour An Peeters,',
      'valable jusqu’au jeudi 15 janvier à 15:30 (heure belge)',
      'Ignorez',
    ],
    [
      'en',
      'Confirm your sign-up with koppel',
      'Dear An Peeters,',
      'valid until Thursday 15 January at 15:30 (Brussels time)',
      'ignore this mail',
    ],
  ] as const)(
    'in %s: the subject, the greeting, the organisation, the link, until when (Brussels time) and "not you? ignore it"',
    (lang, subject, greeting, until, ignore) => {
      const mail = confirm(lang);
      expect(mail.subject).toBe(subject);
      expect(mail.text.startsWith(`${greeting}\n`)).toBe(true);
      expect(mail.text).toContain('Theater Antigone');
      expect(mail.text.split('\n')).toContain(confirmLink);
      expect(mail.text).toContain(until);
      expect(mail.text).toContain(ignore);
      expect(mail.html).toContain(`<html lang="${lang}">`);
      expect(mail.html).toContain(`<title>${subject}</title>`);
      expect(mail.html).toContain(`href="${confirmLink}"`);
      expect(mail.html).toContain(until);
    },
  );

  it('greets without a name when the contact gave none', () => {
    expect(confirm('nl', { name: undefined }).text.startsWith('Beste,\n')).toBe(true);
    expect(confirm('en', { name: undefined }).text.startsWith('Hello,\n')).toBe(true);
  });

  it('says the summer time in Brussels too (UTC+2), past midnight the next day', () => {
    expect(confirm('nl', { expiresAt: new Date('2026-07-02T22:05:00Z') } as Partial<SignUpMailInput>).text).toContain(
      'geldig tot vrijdag 3 juli om 00:05',
    );
  });
});

describe('renderSignUpMail: approved', () => {
  it.each([
    ['nl', 'Je organisatie Theater Antigone is goedgekeurd', 'Publiceer je aanbod'],
    ['fr', 'Votre organisation Theater Antigone est approuvée', 'Publiez vos offres'],
    ['en', 'Your organisation Theater Antigone has been approved', 'Publish your offers'],
  ] as const)('in %s: names the organisation in the subject, says what it can do now, links to the portal', (lang, subject, publish) => {
    const mail = approved(lang);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(publish);
    expect(mail.text).toContain(portalLink);
    expect(mail.html).toContain(`<html lang="${lang}">`);
    expect(mail.html).toContain(`href="${portalLink}"`);
  });
});

describe('renderSignUpMail: rejected', () => {
  it.each([
    ['nl', 'Je aanmelding bij koppel werd niet goedgekeurd', 'regionale centrum'],
    ['fr', 'Votre inscription à koppel n’a pas été approuvée', 'centre régional'],
    ['en', 'Your sign-up with koppel was not approved', 'regional centre'],
  ] as const)("in %s: quotes the broker's reason and says whom to contact, without any link", (lang, subject, centre) => {
    const mail = rejected(lang);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain('> Geen gekende organisatie.\n> Bel ons gerust.');
    expect(mail.text).toContain(centre);
    expect(mail.html).toMatch(/<blockquote[^>]*>Geen gekende organisatie\.<br\/?>Bel ons gerust\.<\/blockquote>/);
    expect(mail.html).not.toContain('href=');
    expect(mail.text).not.toMatch(/https?:\/\//);
  });
});

describe('renderSignUpMail: links only where they belong, and escaping', () => {
  it.each(LANGUAGES)('in %s: the confirmation link only in the confirm mail, the portal only in the approval', (lang) => {
    for (const mail of [approved(lang), rejected(lang)]) {
      expect(mail.text).not.toContain(confirmLink);
      expect(mail.html).not.toContain('token=abc');
    }
    for (const mail of [confirm(lang), rejected(lang)]) expect(mail.html).not.toContain(`href="${portalLink}"`);
  });

  it.each(LANGUAGES)(
    'in %s: escapes the name, the organisation, the reason and the link in the HTML and keeps them as typed in the text',
    (lang) => {
      const hostile = { name: '<script>x</script> & Co', organisationName: 'Tom & Jerry\'s "<b>"' };
      const reason = '<img src=x onerror=alert(1)> & "quoted"';
      const mails = [
        confirm(lang, { ...hostile, link: 'http://x.example/?a=1&b="2"' } as Partial<SignUpMailInput>),
        approved(lang, hostile),
        rejected(lang, { ...hostile, reason } as Partial<SignUpMailInput>),
      ];
      for (const mail of mails) {
        expect(mail.html).not.toContain('<script>');
        expect(mail.html).not.toContain('<b>');
        expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; Co');
        expect(mail.html).toContain('Tom &amp; Jerry&#39;s &quot;&lt;b&gt;&quot;');
        expect(mail.text).toContain(hostile.name);
        expect(mail.text).toContain(hostile.organisationName);
      }
      expect(mails[0].html).toContain('href="http://x.example/?a=1&amp;b=&quot;2&quot;"');
      expect(mails[1].subject).toContain(hostile.organisationName);
      expect(mails[2].html).not.toContain('<img');
      expect(mails[2].html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;');
      expect(mails[2].text).toContain(`> ${reason}`);
    },
  );
});
