import type { MailCopy } from './nl';

/** The notifier's mails in French; the shape (and so every key) comes from the Dutch copy. */
export const fr: MailCopy = {
  locale: 'fr-BE',
  greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  closing: 'Cordialement,\nkoppel',
  why: 'Pourquoi cela correspond',
  note: 'Note du médiateur',
  interested: 'Oui, intéressés',
  notInterested: 'Non, pas intéressés',
  pupils: (count, ageMin, ageMax) => `${count} élèves de ${ageMin} à ${ageMax} ans`,
  formats: {
    workshop: 'atelier',
    performance: 'spectacle',
    visit: 'visite',
    project: 'projet',
    teacher_training: 'formation continue',
    lesson_package: 'dossier pédagogique',
    coaching: 'accompagnement',
  },
  match: {
    subject: (offerTitle) => `Proposition de koppel : ${offerTitle}`,
    confirmedSubject: (offerTitle) => `Confirmé : ${offerTitle}`,
    intro: {
      school: 'Pour votre demande, nous vous proposons cette offre. Un médiateur a approuvé la proposition.',
      provider: 'Une école cherche une activité qui correspond à votre offre. Un médiateur a approuvé la proposition.',
    },
    confirmedIntro:
      'Bonne nouvelle : vous êtes tous deux intéressés. La mise en relation est confirmée ; voici les coordonnées pour convenir de la suite.',
    request: 'Demande',
    offer: 'Offre',
    contact: (otherName) => `Contactez ${otherName} :`,
    question: 'Êtes-vous intéressés ? Un clic suffit :',
    linkHint: 'Ces liens sont personnels et ne fonctionnent qu’une fois, sans connexion.',
  },
  digest: {
    subject: (count, day) => `koppel : ${count} ${count === 1 ? 'nouvelle proposition' : 'nouvelles propositions'} (${day})`,
    intro: (count) =>
      `Des écoles cherchent une activité qui correspond à votre offre. Un médiateur a approuvé ${count === 1 ? 'cette proposition' : `ces ${count} propositions`} :`,
    school: 'École',
    hint: 'Chaque lien est personnel et ne fonctionne qu’une fois, sans connexion. Vous avez choisi un seul message par jour ; modifiable chez koppel.',
  },
  signIn: {
    subject: 'Votre lien de connexion à koppel',
    intro: 'Vous avez demandé à vous connecter à koppel. Cliquez sur le bouton (ou ouvrez le lien) pour vous connecter :',
    button: 'Se connecter à koppel',
    validUntil: (time) => `Le lien fonctionne une seule fois et reste valable jusqu’à ${time}.`,
    notYou: 'Vous n’avez rien demandé ? Ignorez ce message ; il ne se passera rien.',
  },
  signUp: {
    confirm: {
      subject: 'Confirmez votre inscription à koppel',
      intro: (organisation) =>
        `Vous avez inscrit ${organisation} à koppel. Confirmez votre adresse e-mail avec le bouton (ou ouvrez le lien) :`,
      button: 'Confirmer l’inscription',
      validUntil: (when) => `Le lien fonctionne une seule fois et reste valable jusqu’au ${when} (heure belge).`,
      next: 'Un médiateur de votre région examinera ensuite l’inscription. Vous recevrez un e-mail dès qu’il aura décidé.',
      notYou: 'Vous ne vous êtes pas inscrit à koppel ? Ignorez ce message ; il ne se passera rien.',
    },
    approved: {
      subject: (organisation) => `Votre organisation ${organisation} est approuvée`,
      intro: (organisation) =>
        `Bonne nouvelle : un médiateur a approuvé l’inscription de ${organisation}. Votre organisation figure désormais sur koppel.`,
      now: 'Ce que vous pouvez faire maintenant :',
      signIn: 'Connectez-vous au portail avec cette adresse e-mail ; vous recevrez un lien de connexion.',
      use: 'Publiez vos offres pour les écoles ou, en tant qu’école, demandez des activités pour vos élèves.',
      button: 'Aller au portail',
    },
    rejected: {
      subject: 'Votre inscription à koppel n’a pas été approuvée',
      intro: (organisation) => `Un médiateur a examiné l’inscription de ${organisation} et ne l’a pas approuvée.`,
      reason: 'Le médiateur a écrit :',
      contact:
        'Vous avez des questions, ou pensez qu’il s’agit d’une erreur ? Contactez le centre régional de koppel de votre région ; il vous aidera.',
    },
  },
};
