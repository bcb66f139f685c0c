import type { Language, MatchAnswer, MatchSide, MatchSnapshot } from '@koppel/contracts';
import { escapeHtml } from '@koppel/http';
import { layout } from '../web/layout';

/** Everything the answer pages say, in the three languages. Dutch is the default. */
const COPY = {
  nl: {
    title: 'Jouw antwoord',
    heading: (offer: string) => `Jouw antwoord op het voorstel “${offer}”`,
    between: (school: string, provider: string) => `Voorstel tussen ${school} en ${provider}.`,
    yourAnswer: { interested: 'Ja, we zijn geïnteresseerd', not_interested: 'Nee, we zijn niet geïnteresseerd' },
    reason: 'Waarom niet? (niet verplicht, de bemiddelaar leest dit)',
    send: 'Antwoord versturen',
    switch: 'Toch een ander antwoord geven?',
    thanks: {
      interested: 'Bedankt! We hebben genoteerd dat jullie geïnteresseerd zijn.',
      not_interested: 'Bedankt voor je antwoord. De bemiddelaar krijgt het te zien.',
    },
    confirmed: 'Beide kanten zijn geïnteresseerd: de koppeling is bevestigd. Jullie krijgen allebei een mail met elkaars contactgegevens.',
    waiting: 'Zodra de andere kant ook geantwoord heeft, hoor je van ons.',
    already: (a: MatchAnswer) =>
      `Op dit voorstel is al geantwoord (“${a === 'interested' ? 'geïnteresseerd' : 'niet geïnteresseerd'}”). Een link werkt maar één keer.`,
    invalid: 'Deze link is ongeldig of verlopen. Vraag de bemiddelaar om een nieuwe mail.',
    notOpen: 'Op dit voorstel kan niet (meer) geantwoord worden.',
  },
  fr: {
    title: 'Votre réponse',
    heading: (offer: string) => `Votre réponse à la proposition « ${offer} »`,
    between: (school: string, provider: string) => `Proposition entre ${school} et ${provider}.`,
    yourAnswer: { interested: 'Oui, nous sommes intéressés', not_interested: 'Non, nous ne sommes pas intéressés' },
    reason: 'Pourquoi pas ? (facultatif, le médiateur le lira)',
    send: 'Envoyer la réponse',
    switch: 'Donner une autre réponse ?',
    thanks: {
      interested: 'Merci ! Nous avons noté votre intérêt.',
      not_interested: 'Merci pour votre réponse. Le médiateur en sera informé.',
    },
    confirmed:
      'Les deux parties sont intéressées : la mise en relation est confirmée. Vous recevrez chacun un e-mail avec les coordonnées de l’autre.',
    waiting: 'Dès que l’autre partie aura répondu, nous vous tiendrons au courant.',
    already: (a: MatchAnswer) =>
      `Une réponse a déjà été donnée (« ${a === 'interested' ? 'intéressé' : 'pas intéressé'} »). Un lien ne fonctionne qu’une fois.`,
    invalid: 'Ce lien n’est pas valable ou a expiré. Demandez un nouvel e-mail au médiateur.',
    notOpen: 'Il n’est (plus) possible de répondre à cette proposition.',
  },
  en: {
    title: 'Your answer',
    heading: (offer: string) => `Your answer to the suggestion “${offer}”`,
    between: (school: string, provider: string) => `Suggestion between ${school} and ${provider}.`,
    yourAnswer: { interested: 'Yes, we are interested', not_interested: 'No, we are not interested' },
    reason: 'Why not? (optional, the broker will read this)',
    send: 'Send answer',
    switch: 'Give a different answer?',
    thanks: {
      interested: 'Thank you! We have noted that you are interested.',
      not_interested: 'Thank you for your answer. The broker will see it.',
    },
    confirmed: 'Both sides are interested: the match is confirmed. You will both get a mail with each other’s contact details.',
    waiting: 'As soon as the other side has answered, you will hear from us.',
    already: (a: MatchAnswer) =>
      `This suggestion has already been answered (“${a === 'interested' ? 'interested' : 'not interested'}”). A link works only once.`,
    invalid: 'This link is not valid or has expired. Ask the broker for a new mail.',
    notOpen: 'This suggestion can no longer be answered.',
  },
} as const;

export function copyFor(lang: Language | undefined) {
  return COPY[lang ?? 'nl'] ?? COPY.nl;
}

export function languageOf(match: MatchSnapshot, side: MatchSide): Language {
  return (side === 'school' ? match.school.language : match.provider.language) ?? 'nl';
}

/** The page a mail link opens: what is being answered, an optional reason, one button. */
export function answerFormPage(input: { match: MatchSnapshot; side: MatchSide; answer: MatchAnswer; token: string }): string {
  const lang = languageOf(input.match, input.side);
  const c = copyFor(lang);
  const reason =
    input.answer === 'not_interested'
      ? `<p><label for="reason">${escapeHtml(c.reason)}</label><br><textarea id="reason" name="reason" rows="3" cols="50" maxlength="2000"></textarea></p>`
      : '';
  return layout(
    { title: c.title, lang },
    `<h1>${escapeHtml(c.heading(input.match.offer.title))}</h1>
<p>${escapeHtml(c.between(input.match.school.name, input.match.provider.name))}</p>
<form method="post" action="/answers/${escapeHtml(input.token)}">
<p><strong>${escapeHtml(c.yourAnswer[input.answer])}</strong></p>
${reason}
<button class="primary" type="submit">${escapeHtml(c.send)}</button>
</form>`,
  );
}

export function answerResultPage(input: {
  lang: Language;
  kind: 'recorded' | 'already' | 'invalid' | 'not-open';
  answer?: MatchAnswer;
  confirmed?: boolean;
}): string {
  const c = copyFor(input.lang);
  const recorded = `${c.thanks[input.answer ?? 'interested']} ${input.confirmed ? c.confirmed : input.answer === 'interested' ? c.waiting : ''}`;
  const messages = { recorded, already: c.already(input.answer ?? 'interested'), 'not-open': c.notOpen, invalid: c.invalid };
  const message = messages[input.kind];
  const tone = input.kind === 'recorded' ? 'ok' : 'warn';
  return layout(
    { title: c.title, lang: input.lang },
    `<h1>${escapeHtml(c.title)}</h1>\n<p class="${tone}" role="status">${escapeHtml(message.trim())}</p>`,
  );
}
