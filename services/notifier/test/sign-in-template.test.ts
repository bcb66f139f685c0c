import { renderSignInLinkMail } from '../src/app/mails/sign-in';

const link = 'http://review.example/console/sign-in/callback?token=abc_DEF-123';
// 14:30 UTC on a winter day is 15:30 in Brussels.
const expiresAt = new Date('2026-01-15T14:30:00Z');

describe('renderSignInLinkMail', () => {
  it('writes in Dutch by default, with the link in text and HTML and when it expires (Brussels time)', () => {
    const mail = renderSignInLinkMail({ name: 'An', language: 'nl', link, expiresAt });
    expect(mail.subject).toBe('Je aanmeldlink voor koppel');
    expect(mail.text).toContain('Beste An,');
    expect(mail.text.split('\n')).toContain(link);
    expect(mail.text).toContain('geldig tot 15:30');
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain(`href="${link}"`);
  });

  it('writes French and English for those contacts', () => {
    const fr = renderSignInLinkMail({ name: 'Luc', language: 'fr', link, expiresAt });
    expect(fr.subject).toBe('Votre lien de connexion à koppel');
    expect(fr.text).toContain('Bonjour Luc,');
    expect(fr.html).toContain('<html lang="fr">');
    const en = renderSignInLinkMail({ language: 'en', link, expiresAt });
    expect(en.subject).toBe('Your sign-in link for koppel');
    expect(en.text).toContain('Hello,');
    expect(en.text).toContain('valid until 15:30');
  });

  it('escapes the name and the link in the HTML', () => {
    const mail = renderSignInLinkMail({ name: '<script>x</script>', language: 'nl', link: 'http://x.example/?a=1&b="2"', expiresAt });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="http://x.example/?a=1&amp;b=&quot;2&quot;"');
  });
});
