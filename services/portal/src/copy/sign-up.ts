/**
 * The texts of an organisation signing up itself (issue #13): the invitation on the home
 * and sign-in pages, the form at `/registreren`, the confirmation page at
 * `/registreren/bevestigen`, and the request form's words for requesters that ask for
 * leisure time rather than school time. `signUpNl` is the shape; the French and English
 * are typed with it. Each language's copy holds its own under `signUp`. (Kinds of
 * organisation, their groups and the school levels are the contract's labels:
 * @koppel/contracts partners.ts.)
 */
export const signUpNl = {
  /** The header menu's entry. */
  nav: 'Registreren',
  /** On the home and sign-in pages. */
  invitation: { text: 'Nog geen account?', link: 'Registreer uw organisatie' },
  form: {
    title: 'Uw organisatie registreren',
    intro:
      'Scholen, opvang, jeugdwerk, buurtwerkingen en cultuuraanbieders registreren zich hier zelf. U bevestigt uw e-mailadres met een link die we u mailen; daarna bekijkt een makelaar van uw regio uw aanmelding.',
    needsScript:
      'Voor dit formulier is JavaScript nodig: het stuurt uw gegevens rechtstreeks naar koppel. Zet JavaScript aan en laad de pagina opnieuw.',
    organisationLegend: 'Uw organisatie',
    type: 'Soort organisatie',
    typePlaceholder: 'Kies een soort',
    name: 'Naam van de organisatie',
    schoolLevels: 'Onderwijsniveaus',
    schoolLevelsHint: 'Alleen voor scholen en schoolbesturen.',
    placeLegend: 'Waar is uw organisatie gevestigd?',
    placeHint: 'Een postcode of een gemeente volstaat.',
    municipality: 'Gemeente',
    country: 'Land',
    contactLegend: 'Contactpersoon',
    contactHint: 'Naar dit adres mailen we de bevestigingslink, en later de aanmeldlinks.',
    contactName: 'Naam',
    email: 'E-mailadres',
    language: 'Taal van de mails',
    memberOf: 'Koepelorganisatie (id)',
    memberOfHint: 'Id van uw schoolbestuur of cultuurkern, als u die kent. Meer dan één: scheid ze met een komma.',
    submit: 'Registreren',
    doneHeading: 'Registratie ontvangen',
    done: (email: string) =>
      `Bijna klaar: bevestig uw adres via de link die we naar ${email} stuurden. Daarna bekijkt een makelaar van uw regio uw aanmelding.`,
    /** Intake's 400 on a sign-up, per field (its own messages are English, for developers). */
    errors: {
      unknownPlace: 'Deze postcode of gemeente kennen we niet in het gekozen land.',
      municipalityNeeded: 'Vul ook de gemeente in: deze postcode kennen we niet.',
      postcodeNeeded: 'Vul ook de postcode in: voor deze gemeente kennen we er geen.',
      unknownUmbrella: (id: string) => `Er is geen organisatie met het id ${id}.`,
      notAnUmbrella: (id: string) => `${id} is geen schoolbestuur of cultuurkern.`,
      invalidEmail: 'Vul een geldig e-mailadres in, zoals naam@organisatie.be.',
      schoolLevels: 'Alleen scholen en schoolbesturen kiezen onderwijsniveaus.',
      check: (label: string) => `${label}: controleer dit veld.`,
    },
  },
  confirm: {
    title: 'Uw adres bevestigen',
    intro:
      'U registreerde uw organisatie bij koppel. Bevestig met de knop dat dit uw e-mailadres is; pas dan gaat uw aanmelding naar een makelaar van uw regio.',
    needsScript: 'Om uw adres te bevestigen is JavaScript nodig. Zet JavaScript aan en open de link uit de mail opnieuw.',
    button: 'Bevestig mijn adres',
    busy: 'Even geduld…',
    confirmed:
      'Bedankt, uw adres is bevestigd. Een makelaar van uw regio bekijkt uw aanmelding; u krijgt een mail zodra ze is goedgekeurd.',
    active: 'Bedankt, uw adres is bevestigd. Uw organisatie is al goedgekeurd:',
    signInLink: 'meld u aan',
    rejected: 'Uw adres is bevestigd, maar uw aanmelding werd niet goedgekeurd. De reden staat in de mail die u kreeg.',
    unknown: 'Deze link is onbekend of verlopen.',
    signUpAgain: 'Registreer uw organisatie opnieuw',
    noToken: 'In dit adres staat geen bevestigingslink. Open de link uit de mail opnieuw.',
  },
  /** The request form (`/school`) for requesters that are not schools: ages and a group, in their free time. */
  leisure: {
    note: 'U vraagt voor een groep in de vrije tijd: geef de leeftijden van de kinderen of jongeren, en zeg in de beschrijving wanneer de groep samenkomt.',
    whatHint: 'Bijvoorbeeld: Theaterworkshop in de zomervakantie',
    descriptionHint: 'Wat de groep doet, wat u hoopt, en wanneer: na schooltijd, op woensdagmiddag, in het weekend of in de vakantie.',
    agesLegend: 'Leeftijden van de kinderen/jongeren',
    agesHint: 'Van de jongste tot de oudste in de groep, in jaren.',
    ageMin: 'Jongste leeftijd',
    ageMax: 'Oudste leeftijd',
    pupils: 'Aantal deelnemers',
    budgetPerPupil: 'Budget per deelnemer (€)',
    postcodeHint: 'Leeg: het adres van uw organisatie.',
  },
};

export type SignUpCopy = typeof signUpNl;

export const signUpFr: SignUpCopy = {
  nav: 'S’inscrire',
  invitation: { text: 'Pas encore de compte ?', link: 'Inscrivez votre organisation' },
  form: {
    title: 'Inscrire votre organisation',
    intro:
      'Écoles, accueil de l’enfance, organisations de jeunesse, associations de quartier et opérateurs culturels s’inscrivent ici eux-mêmes. Vous confirmez votre adresse e-mail avec un lien que nous vous envoyons ; ensuite, un intermédiaire de votre région examine votre inscription.',
    needsScript:
      'Ce formulaire a besoin de JavaScript : il envoie vos données directement à koppel. Activez JavaScript et rechargez la page.',
    organisationLegend: 'Votre organisation',
    type: 'Type d’organisation',
    typePlaceholder: 'Choisissez un type',
    name: 'Nom de l’organisation',
    schoolLevels: 'Niveaux d’enseignement',
    schoolLevelsHint: 'Uniquement pour les écoles et les pouvoirs organisateurs.',
    placeLegend: 'Où se trouve votre organisation ?',
    placeHint: 'Un code postal ou une commune suffit.',
    municipality: 'Commune',
    country: 'Pays',
    contactLegend: 'Personne de contact',
    contactHint: 'Nous envoyons le lien de confirmation à cette adresse, puis les liens de connexion.',
    contactName: 'Nom',
    email: 'Adresse e-mail',
    language: 'Langue des e-mails',
    memberOf: 'Organisation faîtière (identifiant)',
    memberOfHint:
      'L’identifiant de votre pouvoir organisateur ou de votre pôle culturel, si vous le connaissez. Plusieurs : séparez-les par une virgule.',
    submit: 'S’inscrire',
    doneHeading: 'Inscription reçue',
    done: (email) =>
      `Presque terminé : confirmez votre adresse avec le lien que nous avons envoyé à ${email}. Ensuite, un intermédiaire de votre région examinera votre inscription.`,
    errors: {
      unknownPlace: 'Nous ne connaissons pas ce code postal ou cette commune dans le pays choisi.',
      municipalityNeeded: 'Indiquez aussi la commune : nous ne connaissons pas ce code postal.',
      postcodeNeeded: 'Indiquez aussi le code postal : nous n’en connaissons pas pour cette commune.',
      unknownUmbrella: (id) => `Aucune organisation n’a l’identifiant ${id}.`,
      notAnUmbrella: (id) => `${id} n’est ni un pouvoir organisateur ni un pôle culturel.`,
      invalidEmail: 'Indiquez une adresse e-mail valide, comme nom@organisation.be.',
      schoolLevels: 'Seuls les écoles et les pouvoirs organisateurs choisissent des niveaux d’enseignement.',
      check: (label) => `${label} : vérifiez ce champ.`,
    },
  },
  confirm: {
    title: 'Confirmer votre adresse',
    intro:
      'Vous avez inscrit votre organisation sur koppel. Confirmez avec le bouton que cette adresse e-mail est bien la vôtre ; ce n’est qu’ensuite que votre inscription est transmise à un intermédiaire de votre région.',
    needsScript: 'Pour confirmer votre adresse, JavaScript est nécessaire. Activez JavaScript et rouvrez le lien de l’e-mail.',
    button: 'Confirmer mon adresse',
    busy: 'Un instant…',
    confirmed:
      'Merci, votre adresse est confirmée. Un intermédiaire de votre région examine votre inscription ; vous recevrez un e-mail dès qu’elle sera approuvée.',
    active: 'Merci, votre adresse est confirmée. Votre organisation est déjà approuvée :',
    signInLink: 'connectez-vous',
    rejected:
      'Votre adresse est confirmée, mais votre inscription n’a pas été approuvée. La raison figure dans l’e-mail que vous avez reçu.',
    unknown: 'Ce lien est inconnu ou a expiré.',
    signUpAgain: 'Inscrivez à nouveau votre organisation',
    noToken: 'Cette adresse ne contient pas de lien de confirmation. Rouvrez le lien de l’e-mail.',
  },
  leisure: {
    note: 'Vous demandez pour un groupe pendant son temps libre : indiquez les âges des enfants ou des jeunes, et précisez dans la description quand le groupe se réunit.',
    whatHint: 'Par exemple : atelier de théâtre pendant les vacances d’été',
    descriptionHint:
      'Ce que fait le groupe, ce que vous espérez, et quand : après l’école, le mercredi après-midi, le week-end ou pendant les vacances.',
    agesLegend: 'Âges des enfants/jeunes',
    agesHint: 'Du plus jeune au plus âgé du groupe, en années.',
    ageMin: 'Âge minimum',
    ageMax: 'Âge maximum',
    pupils: 'Nombre de participants',
    budgetPerPupil: 'Budget par participant (€)',
    postcodeHint: 'Vide : l’adresse de votre organisation.',
  },
};

export const signUpEn: SignUpCopy = {
  nav: 'Sign up',
  invitation: { text: 'No account yet?', link: 'Register your organisation' },
  form: {
    title: 'Register your organisation',
    intro:
      'Schools, childcare, youth work, neighbourhood organisations and cultural providers register themselves here. You confirm your email address with a link we send you; then a broker of your region reviews your registration.',
    needsScript: 'This form needs JavaScript: it sends your details straight to koppel. Turn JavaScript on and reload the page.',
    organisationLegend: 'Your organisation',
    type: 'Kind of organisation',
    typePlaceholder: 'Choose a kind',
    name: 'Name of the organisation',
    schoolLevels: 'Levels of education',
    schoolLevelsHint: 'Only for schools and school boards.',
    placeLegend: 'Where is your organisation?',
    placeHint: 'A postcode or a municipality is enough.',
    municipality: 'Municipality',
    country: 'Country',
    contactLegend: 'Contact person',
    contactHint: 'We email the confirmation link to this address, and later the sign-in links.',
    contactName: 'Name',
    email: 'Email address',
    language: 'Language of the emails',
    memberOf: 'Umbrella organisation (id)',
    memberOfHint: 'The id of your school board or cultural hub, if you know it. More than one: separate them with commas.',
    submit: 'Sign up',
    doneHeading: 'Registration received',
    done: (email) =>
      `Almost done: confirm your address with the link we sent to ${email}. Then a broker of your region reviews your registration.`,
    errors: {
      unknownPlace: 'We do not know this postcode or municipality in the chosen country.',
      municipalityNeeded: 'Enter the municipality too: we do not know this postcode.',
      postcodeNeeded: 'Enter the postcode too: we know none for this municipality.',
      unknownUmbrella: (id) => `No organisation has the id ${id}.`,
      notAnUmbrella: (id) => `${id} is not a school board or a cultural hub.`,
      invalidEmail: 'Enter a valid email address, like name@organisation.org.',
      schoolLevels: 'Only schools and school boards choose levels of education.',
      check: (label) => `${label}: please check this field.`,
    },
  },
  confirm: {
    title: 'Confirm your address',
    intro:
      'You registered your organisation with koppel. Confirm with the button that this is your email address; only then does your registration go to a broker of your region.',
    needsScript: 'Confirming your address needs JavaScript. Turn JavaScript on and open the link in the email again.',
    button: 'Confirm my address',
    busy: 'One moment…',
    confirmed:
      'Thank you, your address is confirmed. A broker of your region reviews your registration; you will get an email as soon as it is approved.',
    active: 'Thank you, your address is confirmed. Your organisation is already approved:',
    signInLink: 'sign in',
    rejected: 'Your address is confirmed, but your registration was not approved. The reason is in the email you received.',
    unknown: 'This link is unknown or has expired.',
    signUpAgain: 'Register your organisation again',
    noToken: 'This address holds no confirmation link. Open the link in the email again.',
  },
  leisure: {
    note: 'You are asking for a group in its free time: give the ages of the children or young people, and say in the description when the group meets.',
    whatHint: 'For example: Theatre workshop in the summer holidays',
    descriptionHint:
      'What the group does, what you hope for, and when: after school, on Wednesday afternoon, at the weekend or in the holidays.',
    agesLegend: 'Ages of the children/young people',
    agesHint: 'From the youngest to the oldest in the group, in years.',
    ageMin: 'Youngest age',
    ageMax: 'Oldest age',
    pupils: 'Number of participants',
    budgetPerPupil: 'Budget per participant (€)',
    postcodeHint: 'Empty: the address of your organisation.',
  },
};
