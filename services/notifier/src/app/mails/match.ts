import type { Language, MatchSnapshot, Party } from '@koppel/contracts';
import { describeStoredExplanation } from '@koppel/matching';
import { escapeHtml } from '@koppel/http';
import type { Recipient } from '../../store/mail-source';
import type { AnswerLinks, RenderedMail } from './rendered';

export type { AnswerLinks, RenderedMail } from './rendered';

export interface ApprovedMailInput {
  match: MatchSnapshot;
  note?: string;
  links: AnswerLinks;
}

interface Copy {
  subject: (offerTitle: string) => string;
  confirmedSubject: (offerTitle: string) => string;
  greeting: (name: string) => string;
  intro: Record<Recipient, string>;
  confirmedIntro: string;
  request: string;
  offer: string;
  why: string;
  contact: (otherName: string) => string;
  note: string;
  question: string;
  interested: string;
  notInterested: string;
  linkHint: string;
  outro: string;
  pupils: (n: number, from: number, to: number) => string;
  formats: Record<string, string>;
}

const COPY: Record<Language, Copy> = {
  nl: {
    subject: (t) => `Voorstel van koppel: ${t}`,
    confirmedSubject: (t) => `Bevestigd: ${t}`,
    greeting: (n) => `Beste ${n},`,
    intro: {
      school: 'Voor jullie aanvraag stellen we dit aanbod voor. Een bemiddelaar heeft de koppeling goedgekeurd.',
      provider: 'Een school zoekt iets dat goed past bij jullie aanbod. Een bemiddelaar heeft de koppeling goedgekeurd.',
    },
    confirmedIntro:
      'Goed nieuws: jullie zijn allebei geïnteresseerd. De koppeling is bevestigd; hieronder staan de contactgegevens om samen verder af te spreken.',
    request: 'Aanvraag',
    offer: 'Aanbod',
    why: 'Waarom dit past',
    contact: (o) => `Neem contact op met ${o}:`,
    note: 'Notitie van de bemiddelaar',
    question: 'Zijn jullie geïnteresseerd? Eén klik volstaat:',
    interested: 'Ja, geïnteresseerd',
    notInterested: 'Nee, niet geïnteresseerd',
    linkHint: 'Deze links zijn persoonlijk en werken één keer, zonder aan te melden.',
    outro: 'Met vriendelijke groeten,\nkoppel',
    pupils: (n, f, t) => `${n} leerlingen van ${f}–${t} jaar`,
    formats: {
      workshop: 'workshop',
      performance: 'voorstelling',
      visit: 'bezoek',
      project: 'project',
      teacher_training: 'nascholing',
      lesson_package: 'lespakket',
      coaching: 'coaching',
    },
  },
  fr: {
    subject: (t) => `Proposition de koppel : ${t}`,
    confirmedSubject: (t) => `Confirmé : ${t}`,
    greeting: (n) => `Bonjour ${n},`,
    intro: {
      school: 'Pour votre demande, nous vous proposons cette offre. Un médiateur a approuvé la proposition.',
      provider: 'Une école cherche une activité qui correspond à votre offre. Un médiateur a approuvé la proposition.',
    },
    confirmedIntro:
      'Bonne nouvelle : vous êtes tous deux intéressés. La mise en relation est confirmée ; voici les coordonnées pour convenir de la suite.',
    request: 'Demande',
    offer: 'Offre',
    why: 'Pourquoi cela correspond',
    contact: (o) => `Contactez ${o} :`,
    note: 'Note du médiateur',
    question: 'Êtes-vous intéressés ? Un clic suffit :',
    interested: 'Oui, intéressés',
    notInterested: 'Non, pas intéressés',
    linkHint: 'Ces liens sont personnels et ne fonctionnent qu’une fois, sans connexion.',
    outro: 'Cordialement,\nkoppel',
    pupils: (n, f, t) => `${n} élèves de ${f} à ${t} ans`,
    formats: {
      workshop: 'atelier',
      performance: 'spectacle',
      visit: 'visite',
      project: 'projet',
      teacher_training: 'formation continue',
      lesson_package: 'dossier pédagogique',
      coaching: 'accompagnement',
    },
  },
  en: {
    subject: (t) => `Suggestion from koppel: ${t}`,
    confirmedSubject: (t) => `Confirmed: ${t}`,
    greeting: (n) => `Dear ${n},`,
    intro: {
      school: 'For your request we suggest this offer. A broker has approved the pairing.',
      provider: 'A school is looking for something that fits your offer well. A broker has approved the pairing.',
    },
    confirmedIntro:
      'Good news: you are both interested. The match is confirmed; here are the contact details to arrange the rest together.',
    request: 'Request',
    offer: 'Offer',
    why: 'Why it fits',
    contact: (o) => `Get in touch with ${o}:`,
    note: 'Note from the broker',
    question: 'Are you interested? One click is enough:',
    interested: 'Yes, interested',
    notInterested: 'No, not interested',
    linkHint: 'These links are personal and work once, without signing in.',
    outro: 'Kind regards,\nkoppel',
    pupils: (n, f, t) => `${n} pupils aged ${f}–${t}`,
    formats: {
      workshop: 'workshop',
      performance: 'performance',
      visit: 'visit',
      project: 'project',
      teacher_training: 'teacher training',
      lesson_package: 'lesson package',
      coaching: 'coaching',
    },
  },
};

function sides(match: MatchSnapshot, recipient: Recipient): { me: Party; other: Party; c: Copy } {
  const me = recipient === 'school' ? match.school : match.provider;
  const other = recipient === 'school' ? match.provider : match.school;
  return { me, other, c: COPY[me.language] ?? COPY.nl };
}

/** Why it fits, in the reader's language: the engine's explanation when the snapshot has it, else the stored Dutch summary. */
export function whyItFits(match: MatchSnapshot, lang: Language): string {
  return describeStoredExplanation(match.explanation, match.summary, lang);
}

function facts(match: MatchSnapshot, c: Copy): { request: string; offer: string } {
  return {
    request: `${match.request.title} (${match.school.name}, ${match.request.municipality}; ${c.pupils(match.request.pupils, match.request.ageMin, match.request.ageMax)})`,
    offer: `${match.offer.title} (${match.provider.name}, ${match.offer.municipality}; ${c.formats[match.offer.format] ?? match.offer.format}, € ${match.offer.pricePerPupil.toFixed(2)})`,
  };
}

function htmlDocument(lang: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1b1b1b;max-width:40rem">
${body}
</body></html>`;
}

/** The mail to one side of an approved match, in that side's language: what was matched and why, the other side, and the two answer links. */
export function renderApprovedMatchMail(input: ApprovedMailInput, recipient: Recipient): RenderedMail {
  const { match, note, links } = input;
  const { me, other, c } = sides(match, recipient);
  const f = facts(match, c);
  const why = whyItFits(match, me.language);
  const text = [
    c.greeting(me.name),
    '',
    c.intro[recipient],
    '',
    `${c.request}: ${f.request}`,
    `${c.offer}: ${f.offer}`,
    `${c.why}: ${why}`,
    ...(note ? [`${c.note}: ${note}`] : []),
    '',
    c.contact(other.name),
    `${other.name} <${other.email}>`,
    '',
    c.question,
    `${c.interested}: ${links.interested}`,
    `${c.notInterested}: ${links.notInterested}`,
    c.linkHint,
    '',
    c.outro,
  ].join('\n');
  const button = (href: string, label: string, colour: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 16px;margin:4px 8px 4px 0;background:${colour};color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a>`;
  const html = htmlDocument(
    me.language,
    c.subject(match.offer.title),
    `<p>${escapeHtml(c.greeting(me.name))}</p>
<p>${escapeHtml(c.intro[recipient])}</p>
<dl>
<dt><strong>${escapeHtml(c.request)}</strong></dt><dd>${escapeHtml(f.request)}</dd>
<dt><strong>${escapeHtml(c.offer)}</strong></dt><dd>${escapeHtml(f.offer)}</dd>
<dt><strong>${escapeHtml(c.why)}</strong></dt><dd>${escapeHtml(why)}</dd>
${note ? `<dt><strong>${escapeHtml(c.note)}</strong></dt><dd>${escapeHtml(note)}</dd>` : ''}
</dl>
<p>${escapeHtml(c.contact(other.name))}<br><a href="mailto:${escapeHtml(other.email)}">${escapeHtml(other.name)} &lt;${escapeHtml(other.email)}&gt;</a></p>
<p><strong>${escapeHtml(c.question)}</strong></p>
<p>${button(links.interested, c.interested, '#11652f')}${button(links.notInterested, c.notInterested, '#8a1c1c')}</p>
<p style="color:#4a4a4a;font-size:90%">${escapeHtml(c.linkHint)}</p>
<p>${escapeHtml(c.outro).replace('\n', '<br>')}</p>`,
  );
  return { subject: c.subject(match.offer.title), text, html };
}

/** The mail to one side once both said "interested": the other side's contact details. */
export function renderConfirmedMatchMail(input: { match: MatchSnapshot }, recipient: Recipient): RenderedMail {
  const { match } = input;
  const { me, other, c } = sides(match, recipient);
  const f = facts(match, c);
  const text = [
    c.greeting(me.name),
    '',
    c.confirmedIntro,
    '',
    `${c.request}: ${f.request}`,
    `${c.offer}: ${f.offer}`,
    '',
    c.contact(other.name),
    `${other.name} <${other.email}>`,
    '',
    c.outro,
  ].join('\n');
  const html = htmlDocument(
    me.language,
    c.confirmedSubject(match.offer.title),
    `<p>${escapeHtml(c.greeting(me.name))}</p>
<p>${escapeHtml(c.confirmedIntro)}</p>
<dl>
<dt><strong>${escapeHtml(c.request)}</strong></dt><dd>${escapeHtml(f.request)}</dd>
<dt><strong>${escapeHtml(c.offer)}</strong></dt><dd>${escapeHtml(f.offer)}</dd>
</dl>
<p>${escapeHtml(c.contact(other.name))}<br><a href="mailto:${escapeHtml(other.email)}">${escapeHtml(other.name)} &lt;${escapeHtml(other.email)}&gt;</a></p>
<p>${escapeHtml(c.outro).replace('\n', '<br>')}</p>`,
  );
  return { subject: c.confirmedSubject(match.offer.title), text, html };
}
