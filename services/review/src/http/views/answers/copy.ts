import type { Language, MatchAnswer, MatchSide, MatchSnapshot } from '@koppel/contracts';

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

/** The answer pages' words in a language (Dutch when unknown). */
export function copyFor(lang: Language | undefined) {
  return COPY[lang ?? 'nl'] ?? COPY.nl;
}

/** The language of one side of the match: the page it answers on speaks it. */
export function languageOf(match: MatchSnapshot, side: MatchSide): Language {
  return (side === 'school' ? match.school.language : match.provider.language) ?? 'nl';
}
