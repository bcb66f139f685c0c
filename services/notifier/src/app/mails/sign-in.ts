import type { Language } from '@koppel/contracts';
import { escapeHtml } from '@koppel/http';
import type { RenderedMail } from './rendered';

export interface SignInMailInput {
  name?: string;
  language: Language;
  link: string;
  expiresAt: Date;
}

interface Copy {
  subject: string;
  greeting: (name?: string) => string;
  intro: string;
  button: string;
  validUntil: (time: string) => string;
  notYou: string;
  outro: string;
  locale: string;
}

const COPY: Record<Language, Copy> = {
  nl: {
    subject: 'Je aanmeldlink voor koppel',
    greeting: (n) => (n ? `Beste ${n},` : 'Beste,'),
    intro: 'Je vroeg om je aan te melden bij koppel. Klik op de knop (of open de link) om je aan te melden:',
    button: 'Aanmelden bij koppel',
    validUntil: (t) => `De link werkt één keer en is geldig tot ${t}.`,
    notYou: 'Vroeg je dit niet aan? Dan mag je deze mail negeren; er gebeurt niets.',
    outro: 'Met vriendelijke groeten,\nkoppel',
    locale: 'nl-BE',
  },
  fr: {
    subject: 'Votre lien de connexion à koppel',
    greeting: (n) => (n ? `Bonjour ${n},` : 'Bonjour,'),
    intro: 'Vous avez demandé à vous connecter à koppel. Cliquez sur le bouton (ou ouvrez le lien) pour vous connecter :',
    button: 'Se connecter à koppel',
    validUntil: (t) => `Le lien fonctionne une seule fois et reste valable jusqu’à ${t}.`,
    notYou: 'Vous n’avez rien demandé ? Ignorez ce message ; il ne se passera rien.',
    outro: 'Cordialement,\nkoppel',
    locale: 'fr-BE',
  },
  en: {
    subject: 'Your sign-in link for koppel',
    greeting: (n) => (n ? `Dear ${n},` : 'Hello,'),
    intro: 'You asked to sign in to koppel. Click the button (or open the link) to sign in:',
    button: 'Sign in to koppel',
    validUntil: (t) => `The link works once and is valid until ${t}.`,
    notYou: 'Did not ask for this? Then ignore this mail; nothing will happen.',
    outro: 'Kind regards,\nkoppel',
    locale: 'en-GB',
  },
};

/** "21:55 (Brussels time)" style: the reader is in Flanders or the Netherlands, both on Brussels/Amsterdam time. */
function clockTime(at: Date, locale: string): string {
  return at.toLocaleTimeString(locale, { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit' });
}

/** The one-time sign-in link mail, in the contact's language (Dutch when unknown), as HTML and text. */
export function renderSignInLinkMail(input: SignInMailInput): RenderedMail {
  const c = COPY[input.language] ?? COPY.nl;
  const until = c.validUntil(clockTime(input.expiresAt, c.locale));
  const text = [c.greeting(input.name), '', c.intro, input.link, '', until, c.notYou, '', c.outro].join('\n');
  const html = `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(c.subject)}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1b1b1b;max-width:40rem">
<p>${escapeHtml(c.greeting(input.name))}</p>
<p>${escapeHtml(c.intro)}</p>
<p><a href="${escapeHtml(input.link)}" style="display:inline-block;padding:10px 16px;background:#0b4f9c;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(c.button)}</a></p>
<p style="font-size:90%;color:#4a4a4a;word-break:break-all">${escapeHtml(input.link)}</p>
<p>${escapeHtml(until)}</p>
<p style="color:#4a4a4a;font-size:90%">${escapeHtml(c.notYou)}</p>
<p>${escapeHtml(c.outro).replace('\n', '<br>')}</p>
</body></html>`;
  return { subject: c.subject, text, html };
}
