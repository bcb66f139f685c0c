import type { MailCopy } from './nl';

/** The notifier's mails in English; the shape (and so every key) comes from the Dutch copy. */
export const en: MailCopy = {
  locale: 'en-GB',
  greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
  closing: 'Kind regards,\nkoppel',
  why: 'Why it fits',
  note: 'Note from the broker',
  interested: 'Yes, interested',
  notInterested: 'No, not interested',
  pupils: (count, ageMin, ageMax) => `${count} pupils aged ${ageMin}–${ageMax}`,
  formats: {
    workshop: 'workshop',
    performance: 'performance',
    visit: 'visit',
    project: 'project',
    teacher_training: 'teacher training',
    lesson_package: 'lesson package',
    coaching: 'coaching',
  },
  match: {
    subject: (offerTitle) => `Suggestion from koppel: ${offerTitle}`,
    confirmedSubject: (offerTitle) => `Confirmed: ${offerTitle}`,
    intro: {
      school: 'For your request we suggest this offer. A broker has approved the pairing.',
      provider: 'A school is looking for something that fits your offer well. A broker has approved the pairing.',
    },
    confirmedIntro:
      'Good news: you are both interested. The match is confirmed; here are the contact details to arrange the rest together.',
    request: 'Request',
    offer: 'Offer',
    contact: (otherName) => `Get in touch with ${otherName}:`,
    question: 'Are you interested? One click is enough:',
    linkHint: 'These links are personal and work once, without signing in.',
  },
  digest: {
    subject: (count, day) => `koppel: ${count} new ${count === 1 ? 'suggestion' : 'suggestions'} (${day})`,
    intro: (count) =>
      `Schools are looking for something that fits your offer. A broker approved ${count === 1 ? 'this suggestion' : `these ${count} suggestions`}:`,
    school: 'School',
    hint: 'Each link is personal and works once, without signing in. You chose one mail a day; you can change that at koppel.',
  },
  signIn: {
    subject: 'Your sign-in link for koppel',
    intro: 'You asked to sign in to koppel. Click the button (or open the link) to sign in:',
    button: 'Sign in to koppel',
    validUntil: (time) => `The link works once and is valid until ${time}.`,
    notYou: 'Did not ask for this? Then ignore this mail; nothing will happen.',
  },
  signUp: {
    confirm: {
      subject: 'Confirm your sign-up with koppel',
      intro: (organisation) => `You signed up ${organisation} with koppel. Confirm your email address with the button (or open the link):`,
      button: 'Confirm sign-up',
      validUntil: (when) => `The link works once and is valid until ${when} (Brussels time).`,
      next: 'A broker of your region will then look at the sign-up. You will get a mail as soon as they have decided.',
      notYou: 'Did you not sign up with koppel? Then ignore this mail; nothing will happen.',
    },
    approved: {
      subject: (organisation) => `Your organisation ${organisation} has been approved`,
      intro: (organisation) => `Good news: a broker approved the sign-up of ${organisation}. Your organisation is now on koppel.`,
      now: 'What you can do now:',
      signIn: 'Sign in on the portal with this email address; you will get a sign-in link.',
      use: 'Publish your offers for schools or, as a school, ask for activities for your pupils.',
      button: 'Go to the portal',
    },
    rejected: {
      subject: 'Your sign-up with koppel was not approved',
      intro: (organisation) => `A broker looked at the sign-up of ${organisation} and did not approve it.`,
      reason: 'The broker wrote:',
      contact:
        'Do you have questions, or do you think this is a mistake? Then contact the koppel regional centre of your region; they will help you further.',
    },
  },
};
