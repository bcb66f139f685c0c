import type { Format, MatchSide } from '@koppel/contracts';

/**
 * Every word of the notifier's mails, in Dutch: the approval and confirmation
 * mails, the daily digest, the sign-in link mail and the sign-up mails. This object is the shape
 * of the copy: `fr` and `en` are typed with it, so a missing or misspelt key
 * there is a type error rather than a Dutch leftover. Texts with values in them
 * are functions. (Why a match fits comes from @koppel/matching, in the same three languages.)
 */
export const nl = {
  /** For the sign-in and sign-up links' expiry time (Intl). */
  locale: 'nl-BE',
  /** The first line; without a name (a sign-in contact may have none) a greeting on its own. */
  greeting: (name?: string) => (name ? `Beste ${name},` : 'Beste,'),
  /** The last lines of every mail (one line break: a <br> in the HTML part). */
  closing: 'Met vriendelijke groeten,\nkoppel',
  /** Labels shared by the approval mail and the digest. */
  why: 'Waarom dit past',
  note: 'Notitie van de bemiddelaar',
  interested: 'Ja, geïnteresseerd',
  notInterested: 'Nee, niet geïnteresseerd',
  pupils: (count: number, ageMin: number, ageMax: number) => `${count} leerlingen van ${ageMin}–${ageMax} jaar`,
  formats: {
    workshop: 'workshop',
    performance: 'voorstelling',
    visit: 'bezoek',
    project: 'project',
    teacher_training: 'nascholing',
    lesson_package: 'lespakket',
    coaching: 'coaching',
  } satisfies Record<Format, string>,
  /** The approval mail (with answer links) and the confirmation (both sides interested). */
  match: {
    subject: (offerTitle: string) => `Voorstel van koppel: ${offerTitle}`,
    confirmedSubject: (offerTitle: string) => `Bevestigd: ${offerTitle}`,
    intro: {
      school: 'Voor jullie aanvraag stellen we dit aanbod voor. Een bemiddelaar heeft de koppeling goedgekeurd.',
      provider: 'Een school zoekt iets dat goed past bij jullie aanbod. Een bemiddelaar heeft de koppeling goedgekeurd.',
    } satisfies Record<MatchSide, string>,
    confirmedIntro:
      'Goed nieuws: jullie zijn allebei geïnteresseerd. De koppeling is bevestigd; hieronder staan de contactgegevens om samen verder af te spreken.',
    request: 'Aanvraag',
    offer: 'Aanbod',
    contact: (otherName: string) => `Neem contact op met ${otherName}:`,
    question: 'Zijn jullie geïnteresseerd? Eén klik volstaat:',
    linkHint: 'Deze links zijn persoonlijk en werken één keer, zonder aan te melden.',
  },
  /** One provider's daily digest. */
  digest: {
    subject: (count: number, day: string) => `koppel: ${count} ${count === 1 ? 'nieuw voorstel' : 'nieuwe voorstellen'} (${day})`,
    intro: (count: number) =>
      `Scholen zoeken iets dat goed past bij jullie aanbod. Een bemiddelaar keurde ${count === 1 ? 'dit voorstel' : `deze ${count} voorstellen`} goed:`,
    school: 'School',
    hint: 'Elke link is persoonlijk en werkt één keer, zonder aan te melden. Je koos voor één mail per dag; dat kan je bij koppel wijzigen.',
  },
  /** The one-time sign-in link. */
  signIn: {
    subject: 'Je aanmeldlink voor koppel',
    intro: 'Je vroeg om je aan te melden bij koppel. Klik op de knop (of open de link) om je aan te melden:',
    button: 'Aanmelden bij koppel',
    validUntil: (time: string) => `De link werkt één keer en is geldig tot ${time}.`,
    notYou: 'Vroeg je dit niet aan? Dan mag je deze mail negeren; er gebeurt niets.',
  },
  /** An organisation that signed up itself (issue #13): confirm the address, then the broker's decision. */
  signUp: {
    confirm: {
      subject: 'Bevestig je aanmelding bij koppel',
      intro: (organisation: string) => `Je meldde ${organisation} aan bij koppel. Bevestig je e-mailadres met de knop (of open de link):`,
      button: 'Aanmelding bevestigen',
      /** `when`: day and time, Brussels time. */
      validUntil: (when: string) => `De link werkt één keer en is geldig tot ${when} (Belgische tijd).`,
      next: 'Daarna bekijkt een bemiddelaar van je regio de aanmelding. Je krijgt een mail zodra die beslist heeft.',
      notYou: 'Heb je je niet aangemeld bij koppel? Dan mag je deze mail negeren; er gebeurt niets.',
    },
    approved: {
      subject: (organisation: string) => `Je organisatie ${organisation} is goedgekeurd`,
      intro: (organisation: string) =>
        `Goed nieuws: een bemiddelaar keurde de aanmelding van ${organisation} goed. Jullie organisatie staat nu op koppel.`,
      now: 'Wat je nu kan doen:',
      signIn: 'Meld je aan op het portaal met dit e-mailadres; je krijgt dan een aanmeldlink.',
      use: 'Publiceer je aanbod voor scholen, of vraag als school activiteiten aan voor je leerlingen.',
      button: 'Naar het portaal',
    },
    rejected: {
      subject: 'Je aanmelding bij koppel werd niet goedgekeurd',
      intro: (organisation: string) => `Een bemiddelaar bekeek de aanmelding van ${organisation} en keurde ze niet goed.`,
      reason: 'De bemiddelaar schreef:',
      contact:
        'Heb je vragen, of denk je dat dit een vergissing is? Neem dan contact op met het regionale centrum van koppel in je regio; daar helpen ze je verder.',
    },
  },
};

export type MailCopy = typeof nl;
