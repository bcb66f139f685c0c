import type { GradeLevel } from '../http/views/choices';

/** Flemish ordinals as teachers write them: 1ste, 2de, 3de … */
const nlOrdinal = (n: number) => `${n}${n === 1 || n === 8 ? 'ste' : 'de'}`;

/**
 * Everything a person reads on the portal, in Dutch: the server-rendered
 * pages and every text the browser script writes into them. This object is
 * the shape of the copy: `fr` and `en` are typed with it, so a missing or
 * misspelt key there is a type error rather than a Dutch leftover.
 * (Validation sentences per zod issue live in client/issue-messages.ts.)
 */
export const nl = {
  /** For dates in the lists (Intl). */
  locale: 'nl-BE',
  layout: {
    siteTagline: 'cultuur op school',
    mainMenu: 'Hoofdmenu',
    languageMenu: 'Taal',
    /** Put before every field error (CSS), so an error is never shown by colour alone. */
    errorMarker: 'Fout: ',
    nav: { school: 'Voor scholen', provider: 'Voor aanbieders', signIn: 'Aanmelden' },
  },
  form: { optional: 'niet verplicht' },
  choices: {
    grade: (level: GradeLevel, year: number): string =>
      ({
        kindergarten: `${nlOrdinal(year)} kleuterklas`,
        primary: `${nlOrdinal(year)} leerjaar`,
        secondary: `${nlOrdinal(year)} jaar secundair`,
        netherlands: `groep ${year} (NL)`,
      })[level],
    languages: { nl: 'Nederlands', fr: 'Frans', en: 'Engels' },
    countries: { BE: 'België', NL: 'Nederland' },
    reach: { on_site: 'Bij ons', at_school: 'Op school', both: 'Bij ons of op school', online: 'Online' },
  },
  home: {
    title: 'Welkom',
    heading: 'Cultuur op school, samen gebracht',
    intro: 'Scholen vragen wat ze zoeken, aanbieders publiceren hun aanbod, en een bemiddelaar stelt de beste koppels voor.',
    schoolLink: 'Ik ben een school',
    schoolText: 'aanvragen indienen en opvolgen, voorstellen beantwoorden.',
    providerLink: 'Ik bied cultuureducatie aan',
    providerText: 'aanbod publiceren, bewerken en intrekken, voorstellen beantwoorden.',
  },
  signIn: {
    title: 'Aanmelden',
    intro: 'Geen wachtwoord nodig: we mailen u een link die één keer en een kwartier lang werkt.',
    email: 'Uw e-mailadres',
    send: 'Stuur mij een aanmeldlink',
    signOut: 'Afmelden',
  },
  signedOut: { text: 'U bent niet aangemeld.', link: 'Meld u aan', rest: 'met de link die we u mailen.' },
  loading: 'Laden…',
  suggestions: { heading: 'Voorstellen voor u' },
  grades: { legend: 'Voor welke leerjaren?', hint: 'Kies een of meer; de leeftijden leiden we daaruit af.' },
  school: {
    title: 'Voor scholen',
    formHeading: 'Nieuwe aanvraag',
    what: 'Wat zoekt u?',
    whatHint: 'Bijvoorbeeld: Theater over vriendschap',
    description: 'Beschrijving',
    descriptionHint: 'Wat de klas doet, wat u hoopt, praktische zaken.',
    pupils: 'Aantal leerlingen',
    maxTravelKm: 'Hoe ver wilt u reizen (km)?',
    budgetPerPupil: 'Budget per leerling (€)',
    disciplines: 'Disciplines (niet verplicht)',
    language: 'Taal van de activiteit',
    postcode: 'Postcode van de plaats',
    postcodeHint: 'Leeg: het adres van uw school.',
    country: 'Land',
    submit: 'Aanvraag indienen',
    listHeading: 'Uw aanvragen',
  },
  provider: {
    title: 'Voor aanbieders',
    formHeading: 'Nieuw aanbod publiceren',
    offerTitle: 'Titel',
    description: 'Beschrijving',
    descriptionHint: 'Wat leerlingen doen en beleven; scholen zoeken op deze woorden.',
    disciplines: 'Disciplines',
    disciplinesHint: 'Kies er minstens één.',
    format: 'Vorm',
    formatPlaceholder: 'Kies een vorm',
    postcode: 'Postcode',
    postcodeHint: 'Waar u zit; de gemeente zoeken we zelf op.',
    country: 'Land',
    reachMode: 'Waar gaat het door?',
    reachKm: 'Hoe ver verplaatst u zich (km)?',
    groupMin: 'Kleinste groep',
    groupMax: 'Grootste groep',
    price: 'Prijs per leerling (€)',
    language: 'Taal',
    submit: 'Publiceren',
    listHeading: 'Uw aanbod',
    mailHeading: 'Mails over voorstellen',
    mailLegend: 'Hoe wilt u goedgekeurde voorstellen ontvangen?',
    mailEach: 'Eén mail per voorstel, meteen',
    mailDigest: 'Eén overzicht per dag met alle nieuwe voorstellen',
    mailSave: 'Keuze bewaren',
  },
  /** Texts the browser script writes into the page. */
  client: {
    signedInAs: (organisation: string) => `Aangemeld als ${organisation}`,
    signInLinkFailed: 'Deze aanmeldlink werkt niet (meer). Vraag hieronder een nieuwe aan.',
    signInLinkSent: 'Als dit adres bij ons bekend is, staat er nu een aanmeldlink in uw mailbox.',
    signInFailed: 'Dat lukte niet. Probeer het zo opnieuw.',
    suggestion: {
      status: { approved: 'Wacht op antwoord', confirmed: 'Bevestigd', declined: 'Niet doorgegaan' },
      yourAnswer: { interested: 'U bent geïnteresseerd', not_interested: 'U bent niet geïnteresseerd' },
      provider: 'Aanbieder',
      school: 'School',
      statusLabel: 'Status',
      where: 'Waar',
      pupils: 'Leerlingen',
      pupilsText: (count: number, ageMin: number, ageMax: number, municipality: string) =>
        `${count} (${ageMin}–${ageMax} jaar), ${municipality}`,
      why: 'Waarom dit past',
      note: 'Notitie van de bemiddelaar',
      contact: 'Contact',
      contactInMail: 'de contactgegevens staan in de bevestigingsmail',
      answerFormLabel: (title: string) => `Antwoord op ${title}`,
      interested: 'Geïnteresseerd',
      notInterested: 'Niet geïnteresseerd',
      reason: 'Reden als u niet geïnteresseerd bent (niet verplicht)',
      alreadyAnswered: 'Hierop werd al geantwoord.',
      answerFailed: 'Uw antwoord kon niet worden bewaard. Probeer het opnieuw.',
      confirmed: 'Bedankt! Beide kanten zijn geïnteresseerd: de match is bevestigd. U krijgt een mail met de contactgegevens.',
      answerSaved: 'Bedankt, uw antwoord is bewaard.',
      loadFailed: 'De voorstellen konden niet worden geladen.',
      none: 'Nog geen voorstellen. Zodra een bemiddelaar een match goedkeurt, staat ze hier.',
    },
    listing: {
      loadFailed: 'De lijst kon niet worden geladen.',
      noOffers: 'U hebt nog geen aanbod gepubliceerd.',
      noRequests: 'U hebt nog geen aanvragen ingediend.',
      edit: 'Bewerken',
      withdraw: 'Intrekken',
      withdrawn: (title: string) => `"${title}" is ingetrokken.`,
      withdrawFailed: 'Intrekken lukte niet.',
      status: { active: 'Actief', withdrawn: 'Ingetrokken' },
      columns: { title: 'Titel', status: 'Status', updated: 'Laatst gewijzigd', actions: 'Acties' },
    },
    requestSubmitted: 'Uw aanvraag is ingediend. Voorstellen verschijnen bovenaan deze pagina zodra een bemiddelaar er een goedkeurt.',
    offerPublished: 'Uw aanbod is gepubliceerd.',
    mailPreferenceSaved: 'Bewaard. Dit geldt vanaf het volgende goedgekeurde voorstel.',
    offerUpdated: 'Uw aanbod is bijgewerkt.',
    editHeading: (title: string) => `Aanbod bewerken: ${title}`,
    saveChanges: 'Wijzigingen bewaren',
    errorSummary: (count: number) => (count === 1 ? 'Er is 1 probleem' : `Er zijn ${count} problemen`),
    unknownPostcode: 'Deze postcode kennen we niet. Controleer hem.',
    unknownGrades: 'Deze leerjaren herkennen we niet.',
    /** A failed call without field errors, by HTTP status (the API's own detail is English, for developers). */
    problem: {
      unreachable: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
      unexpected: 'Het antwoord van de server is onverwacht.',
      signedOut: 'Uw aanmelding is verlopen. Meld u opnieuw aan.',
      forbidden: 'Dit mag u met deze aanmelding niet doen.',
      changedMeanwhile: 'Dit werd intussen gewijzigd of ingetrokken. Laad de pagina opnieuw.',
      tooMany: 'Te veel pogingen na elkaar. Wacht even en probeer opnieuw.',
      failed: 'Dat lukte niet. Probeer het opnieuw.',
    },
  },
};

export type PortalCopy = typeof nl;
