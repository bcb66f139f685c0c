import type { Language, MatchDecidedPayload, Party } from '@koppel/contracts';
import type { Recipient } from '../store/deliveries';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Copy {
  subject: (offerTitle: string) => string;
  greeting: (name: string) => string;
  intro: { school: string; provider: string };
  request: string;
  offer: string;
  why: string;
  contact: (otherName: string) => string;
  note: string;
  outro: string;
  formats: Record<string, string>;
}

const COPY: Record<Language, Copy> = {
  nl: {
    subject: (t) => `Voorstel van koppel: ${t}`,
    greeting: (n) => `Beste ${n},`,
    intro: {
      school: 'Voor jullie aanvraag stellen we dit aanbod voor. Een bemiddelaar heeft de koppeling goedgekeurd.',
      provider: 'Een school zoekt iets dat goed past bij jullie aanbod. Een bemiddelaar heeft de koppeling goedgekeurd.',
    },
    request: 'Aanvraag',
    offer: 'Aanbod',
    why: 'Waarom dit past',
    contact: (o) => `Neem contact op met ${o}:`,
    note: 'Notitie van de bemiddelaar',
    outro: 'Met vriendelijke groeten,\nkoppel',
    formats: { workshop: 'workshop', performance: 'voorstelling', visit: 'bezoek', project: 'project', teacher_training: 'nascholing', lesson_package: 'lespakket', coaching: 'coaching' },
  },
  fr: {
    subject: (t) => `Proposition de koppel : ${t}`,
    greeting: (n) => `Bonjour ${n},`,
    intro: {
      school: 'Pour votre demande, nous vous proposons cette offre. Un médiateur a approuvé la proposition.',
      provider: 'Une école cherche une activité qui correspond à votre offre. Un médiateur a approuvé la proposition.',
    },
    request: 'Demande',
    offer: 'Offre',
    why: 'Pourquoi cela correspond',
    contact: (o) => `Contactez ${o} :`,
    note: 'Note du médiateur',
    outro: 'Cordialement,\nkoppel',
    formats: { workshop: 'atelier', performance: 'spectacle', visit: 'visite', project: 'projet', teacher_training: 'formation continue', lesson_package: 'dossier pédagogique', coaching: 'accompagnement' },
  },
  en: {
    subject: (t) => `Suggestion from koppel: ${t}`,
    greeting: (n) => `Dear ${n},`,
    intro: {
      school: 'For your request we suggest this offer. A broker has approved the pairing.',
      provider: 'A school is looking for something that fits your offer well. A broker has approved the pairing.',
    },
    request: 'Request',
    offer: 'Offer',
    why: 'Why it fits',
    contact: (o) => `Get in touch with ${o}:`,
    note: 'Note from the broker',
    outro: 'Kind regards,\nkoppel',
    formats: { workshop: 'workshop', performance: 'performance', visit: 'visit', project: 'project', teacher_training: 'teacher training', lesson_package: 'lesson package', coaching: 'coaching' },
  },
};

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The mail to one side of an approved match, in that side's language, naming the other side and how to reach them. */
export function renderApprovedMatchMail(decided: MatchDecidedPayload, recipient: Recipient): RenderedMail {
  const { match } = decided;
  const me: Party = recipient === 'school' ? match.school : match.provider;
  const other: Party = recipient === 'school' ? match.provider : match.school;
  const c = COPY[me.language] ?? COPY.nl;
  const requestLine = `${match.request.title} (${match.school.name}, ${match.request.municipality}; ${match.request.pupils} × ${match.request.ageMin}–${match.request.ageMax})`;
  const offerLine = `${match.offer.title} (${match.provider.name}, ${match.offer.municipality}; ${c.formats[match.offer.format] ?? match.offer.format}, € ${match.offer.pricePerPupil.toFixed(2)})`;
  const lines = [
    c.greeting(me.name),
    '',
    c.intro[recipient],
    '',
    `${c.request}: ${requestLine}`,
    `${c.offer}: ${offerLine}`,
    `${c.why}: ${match.summary}`,
    ...(decided.note ? [`${c.note}: ${decided.note}`] : []),
    '',
    c.contact(other.name),
    `${other.name} <${other.email}>`,
    '',
    c.outro,
  ];
  const html = `<!doctype html><html lang="${me.language}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(c.greeting(me.name))}</p>
<p>${escapeHtml(c.intro[recipient])}</p>
<dl>
<dt><strong>${escapeHtml(c.request)}</strong></dt><dd>${escapeHtml(requestLine)}</dd>
<dt><strong>${escapeHtml(c.offer)}</strong></dt><dd>${escapeHtml(offerLine)}</dd>
<dt><strong>${escapeHtml(c.why)}</strong></dt><dd>${escapeHtml(match.summary)}</dd>
${decided.note ? `<dt><strong>${escapeHtml(c.note)}</strong></dt><dd>${escapeHtml(decided.note)}</dd>` : ''}
</dl>
<p>${escapeHtml(c.contact(other.name))}<br><a href="mailto:${escapeHtml(other.email)}">${escapeHtml(other.name)} &lt;${escapeHtml(other.email)}&gt;</a></p>
<p>${escapeHtml(c.outro).replace('\n', '<br>')}</p>
</body></html>`;
  return { subject: c.subject(match.offer.title), text: lines.join('\n'), html };
}
