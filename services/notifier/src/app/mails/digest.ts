import type { Language } from '@koppel/contracts';
import { escapeHtml } from '@koppel/http';
import type { MailSource } from '../../store/mail-source';
import { whyItFits } from './match';
import type { AnswerLinks, RenderedMail } from './rendered';

export interface DigestEntry {
  source: MailSource;
  links: AnswerLinks;
}

const COPY: Record<
  Language,
  {
    subject: (n: number, day: string) => string;
    greeting: (n: string) => string;
    intro: (n: number) => string;
    school: string;
    why: string;
    note: string;
    interested: string;
    notInterested: string;
    hint: string;
    outro: string;
  }
> = {
  nl: {
    subject: (n, d) => `koppel: ${n} ${n === 1 ? 'nieuw voorstel' : 'nieuwe voorstellen'} (${d})`,
    greeting: (n) => `Beste ${n},`,
    intro: (n) =>
      `Scholen zoeken iets dat goed past bij jullie aanbod. Een bemiddelaar keurde ${n === 1 ? 'dit voorstel' : `deze ${n} voorstellen`} goed:`,
    school: 'School',
    why: 'Waarom dit past',
    note: 'Notitie van de bemiddelaar',
    interested: 'Ja, geïnteresseerd',
    notInterested: 'Nee, niet geïnteresseerd',
    hint: 'Elke link is persoonlijk en werkt één keer, zonder aan te melden. Je koos voor één mail per dag; dat kan je bij koppel wijzigen.',
    outro: 'Met vriendelijke groeten,\nkoppel',
  },
  fr: {
    subject: (n, d) => `koppel : ${n} ${n === 1 ? 'nouvelle proposition' : 'nouvelles propositions'} (${d})`,
    greeting: (n) => `Bonjour ${n},`,
    intro: (n) =>
      `Des écoles cherchent une activité qui correspond à votre offre. Un médiateur a approuvé ${n === 1 ? 'cette proposition' : `ces ${n} propositions`} :`,
    school: 'École',
    why: 'Pourquoi cela correspond',
    note: 'Note du médiateur',
    interested: 'Oui, intéressés',
    notInterested: 'Non, pas intéressés',
    hint: 'Chaque lien est personnel et ne fonctionne qu’une fois, sans connexion. Vous avez choisi un seul message par jour ; modifiable chez koppel.',
    outro: 'Cordialement,\nkoppel',
  },
  en: {
    subject: (n, d) => `koppel: ${n} new ${n === 1 ? 'suggestion' : 'suggestions'} (${d})`,
    greeting: (n) => `Dear ${n},`,
    intro: (n) =>
      `Schools are looking for something that fits your offer. A broker approved ${n === 1 ? 'this suggestion' : `these ${n} suggestions`}:`,
    school: 'School',
    why: 'Why it fits',
    note: 'Note from the broker',
    interested: 'Yes, interested',
    notInterested: 'No, not interested',
    hint: 'Each link is personal and works once, without signing in. You chose one mail a day; you can change that at koppel.',
    outro: 'Kind regards,\nkoppel',
  },
};

/** One provider's daily digest: every match approved for them since the last one, each with its own two answer links. */
export function renderDigestMail(input: { providerName: string; language: Language; day: string; entries: DigestEntry[] }): RenderedMail {
  const c = COPY[input.language] ?? COPY.nl;
  const n = input.entries.length;
  const subject = c.subject(n, input.day);
  const blocks = input.entries.map(({ source: { match, note }, links }, i) => ({
    title: `${i + 1}. ${match.offer.title} ← ${match.request.title}`,
    school: `${match.school.name}, ${match.request.municipality} <${match.school.email}>`,
    why: whyItFits(match, input.language),
    note,
    links,
  }));
  const text = [
    c.greeting(input.providerName),
    '',
    c.intro(n),
    ...blocks.flatMap((b) => [
      '',
      b.title,
      `${c.school}: ${b.school}`,
      `${c.why}: ${b.why}`,
      ...(b.note ? [`${c.note}: ${b.note}`] : []),
      `${c.interested}: ${b.links.interested}`,
      `${c.notInterested}: ${b.links.notInterested}`,
    ]),
    '',
    c.hint,
    '',
    c.outro,
  ].join('\n');
  const button = (href: string, label: string, colour: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:8px 14px;margin:4px 8px 4px 0;background:${colour};color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a>`;
  const html = `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1b1b1b;max-width:40rem">
<p>${escapeHtml(c.greeting(input.providerName))}</p>
<p>${escapeHtml(c.intro(n))}</p>
${blocks
  .map(
    (b) => `<h2 style="font-size:1.1rem">${escapeHtml(b.title)}</h2>
<p>${escapeHtml(c.school)}: ${escapeHtml(b.school)}<br>${escapeHtml(c.why)}: ${escapeHtml(b.why)}${b.note ? `<br>${escapeHtml(c.note)}: ${escapeHtml(b.note)}` : ''}</p>
<p>${button(b.links.interested, c.interested, '#11652f')}${button(b.links.notInterested, c.notInterested, '#8a1c1c')}</p>`,
  )
  .join('\n')}
<p style="color:#4a4a4a;font-size:90%">${escapeHtml(c.hint)}</p>
<p>${escapeHtml(c.outro).replace('\n', '<br>')}</p>
</body></html>`;
  return { subject, text, html };
}
