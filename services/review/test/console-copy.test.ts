import type { Language, MatchSnapshot } from '@koppel/contracts';
import { renderPage } from '@koppel/http';
import { REGIONS } from '../src/app/regions/province-of-postcode';
import { flashOf, flashQuery, type Flash } from '../src/http/console/flash';
import { QueueQuerySchema } from '../src/http/console/queue-query';
import { AnswerFormPage, AnswerResultPage } from '../src/http/views/answers/answer-pages';
import { copyFor, REVIEW_COPY } from '../src/http/views/copy';
import { explanationView } from '../src/http/views/console/explanation';
import { regionLabel } from '../src/http/views/console/labels';
import { insightsSummary } from '../src/app/insights/figures';
import { InsightsPage } from '../src/http/views/console/insights-page';
import { FailedMailsPage } from '../src/http/views/console/mails-page';
import { PoliciesPage } from '../src/http/views/console/policies-page';
import { ProposalPage } from '../src/http/views/console/proposal-page';
import { QueuePage } from '../src/http/views/console/queue-page';
import { SignUpsPage } from '../src/http/views/console/sign-ups-page';
import type { PageView } from '../src/http/views/page-view';
import { CallbackPage, NoScriptPage, SignInPage } from '../src/http/views/sign-in/sign-in-pages';
import type { PolicyDoc } from '../src/store/policies';
import type { ProposalDoc } from '../src/store/proposal-doc';
import type { SignUpDoc } from '../src/store/sign-ups';

const view = (lang: Language, url = '/console'): PageView => ({ lang, copy: copyFor(lang), url });

const explanation = {
  signals: {},
  weights: {},
  distanceKm: 12.34,
  reachedBy: 'on_site',
  ageOverlap: { from: 9, to: 10, coverage: 1 },
  matchedTerms: ['toneel'],
  matchedThemes: [],
  overBudget: true,
  requestLanguage: 'nl',
  offerLanguage: 'nl',
  wantedLanguage: 'nl',
  requestDisciplines: ['theatre'],
};

const match: MatchSnapshot = {
  matchId: 'r1::o1',
  requestId: 'r1',
  offerId: 'o1',
  score: 0.82,
  explanation,
  summary: 'summary',
  request: {
    title: 'Toneel',
    municipality: 'Kortrijk',
    postcode: '8500',
    country: 'BE',
    ageMin: 9,
    ageMax: 10,
    pupils: 24,
    disciplines: ['theatre'],
  },
  offer: { title: 'Workshop', municipality: 'Gent', format: 'workshop', pricePerPupil: 5, disciplines: ['theatre'] },
  school: { id: 's', name: 'De Klimop', email: 's@example.org', language: 'nl' },
  provider: { id: 'p', name: 'Antigone', email: 'p@example.org', language: 'nl' },
};

const at = new Date('2026-03-01T10:00:00Z');
const proposal: ProposalDoc = {
  _id: 'r1::o1',
  match,
  score: 0.82,
  region: 'West-Vlaanderen',
  status: 'proposed',
  note: '',
  answers: { school: { answer: 'not_interested', reason: 'te ver', answeredAt: at, via: 'page' } },
  mails: {
    school_approved: { recipient: 'school', kind: 'approved', status: 'failed', to: 's@example.org', attempts: 5, reason: 'timeout', at },
  },
  history: [
    { at, action: 'proposed', by: 'matcher' },
    { at, action: 'not_interested', by: 'school' },
  ],
  createdAt: at,
  updatedAt: at,
  pendingEvents: {},
  pendingEventCount: 0,
};
/** A school in Kortrijk that may duplicate two known organisations; and one rejected, one approved before it. */
const signUp: SignUpDoc = {
  _id: 'org-linde',
  type: 'school',
  name: 'Basisschool De Linde',
  municipality: 'Kortrijk',
  postcode: '8500',
  country: 'BE',
  postcodeNumber: 8500,
  region: 'West-Vlaanderen',
  schoolLevels: ['be_nursery', 'be_primary'],
  memberOf: ['koepel-1'],
  duplicates: [
    { organisationId: 'org-old', name: 'De Linde', why: 'name_and_place' },
    { organisationId: 'org-other', name: 'Scholengroep Leie', why: 'contact_address' },
  ],
  confirmedAt: at,
  receivedAt: at,
  status: 'waiting',
  pendingEvents: {},
  pendingEventCount: 0,
};
const decidedSignUps: SignUpDoc[] = [
  { ...signUp, _id: 'org-r', type: 'museum', status: 'rejected', decidedBy: 'sam@example.org', decidedAt: at, reason: 'Adres klopt niet' },
  { ...signUp, _id: 'org-a', duplicates: [], status: 'approved', decidedBy: 'kim@example.org', decidedAt: at },
];
const signUpsPage = (lang: Language) =>
  SignUpsPage({
    view: view(lang, '/console/sign-ups'),
    waiting: [signUp, { ...signUp, _id: 'org-2', duplicates: [], schoolLevels: [], memberOf: [] }],
    decided: decidedSignUps,
    scopedToBroker: true,
    flash: { key: 'sign-up-rejected' },
    error: { organisationId: 'org-linde', problem: 'missing' },
  });

const policy: PolicyDoc = { _id: 'West-Vlaanderen', enabled: true, threshold: 0.8, updatedBy: 'sam@example.org', updatedAt: at };

const place = { municipality: 'Kortrijk', postcode: '8500', country: 'BE', postcodeNumber: 8500, region: 'West-Vlaanderen' };
const insightOffer = {
  id: 'o1',
  providerId: 'p',
  title: 'Circus',
  ...place,
  disciplines: ['circus'],
  ageMin: 15,
  ageMax: 18,
  pricePerPupil: 14,
  mode: 'both' as const,
  inclusion: { wheelchairAccess: true },
  createdAt: at,
};
/** Insights with every kind of reason, a request no offer came near and one the matcher has not seen yet. */
const insights = insightsSummary(
  {
    requests: [
      {
        id: 'r1',
        schoolId: 's',
        title: 'Circus in de klas',
        ...place,
        disciplines: ['circus'],
        ageMin: 8,
        ageMax: 9,
        pupils: 20,
        createdAt: at,
      },
      { id: 'r2', schoolId: 's', title: 'Toneel', ...place, disciplines: ['theatre'], ageMin: 9, ageMax: 10, pupils: 20, createdAt: at },
      { id: 'r3', schoolId: 's', title: 'Dans', ...place, disciplines: ['dance'], ageMin: 9, ageMax: 10, pupils: 20, createdAt: at },
      { id: 'r4', schoolId: 's', title: 'Muziek', ...place, disciplines: ['music'], ageMin: 9, ageMax: 10, pupils: 20, createdAt: at },
    ],
    offers: [insightOffer],
    proposals: [{ requestId: 'r4', status: 'confirmed' }],
    misses: [
      {
        requestId: 'r1',
        proposals: 0,
        wanted: 3,
        missedAt: at,
        nearMisses: [
          {
            offerId: 'o1',
            textMatch: 1,
            score: null,
            reasons: [
              { constraint: 'ages', offerAges: [15, 18], pupilAges: [8, 9] },
              { constraint: 'price', pricePerPupil: 14, budgetPerPupil: 8, ceilingPerPupil: 9.6 },
            ],
          },
          {
            offerId: 'o2',
            textMatch: 0.5,
            score: 0.3,
            reasons: [
              { constraint: 'distance', distanceKm: 42.25, mode: 'on_site', schoolTravelKm: 20, providerTravelKm: 15 },
              { constraint: 'score', score: 0.3, minScore: 0.5 },
            ],
          },
        ],
      },
      { requestId: 'r2', proposals: 0, wanted: 3, missedAt: at, nearMisses: [] },
    ],
    offerTitles: new Map([['o1', 'Circus']]),
  },
  { user: { role: 'admin' } },
);
const emptyInsights = insightsSummary({ requests: [], offers: [], proposals: [], misses: [] }, { user: { role: 'admin' } });

/** Every page review renders (console, its sign-in, the answer pages), in one language. */
function allPages(lang: Language): string[] {
  const v = view(lang);
  const query = QueueQuerySchema.parse({ status: 'all' });
  // The answer pages speak the recipient's language: the school's, here.
  const answering = { ...match, school: { ...match.school, language: lang } };
  return [
    QueuePage({
      view: v,
      items: [proposal, { ...proposal, _id: 'x', status: 'approved', decidedBy: 'sam@example.org' }],
      total: 30,
      query,
      limit: 20,
      regions: REGIONS,
      flash: { key: 'bulk-approved', approved: 2, skipped: 1 },
    }),
    ProposalPage({ view: v, proposal, others: [{ ...proposal, _id: 'other', status: 'rejected' }], flash: { key: 'note-saved' } }),
    FailedMailsPage({ view: v, items: [proposal], flash: { key: 'resend-not-failed' }, deadLetters: null }),
    PoliciesPage({
      view: v,
      policies: [policy],
      regions: ['West-Vlaanderen'],
      scopedToBroker: true,
      flash: { key: 'policy-saved', region: 'West-Vlaanderen' },
    }),
    PoliciesPage({ view: v, policies: [], regions: [], scopedToBroker: true }),
    InsightsPage({
      view: v,
      summary: insights,
      filters: { region: 'West-Vlaanderen' },
      regions: ['West-Vlaanderen'],
      periods: ['school-year:2026', 'month:2026-11'],
      scopedToBroker: true,
    }),
    InsightsPage({ view: v, summary: emptyInsights, filters: {}, regions: REGIONS, periods: [], scopedToBroker: false }),
    SignInPage({ view: v, intakeUrl: 'http://intake', reason: 'invalid' }),
    SignInPage({ view: v, intakeUrl: 'http://intake', reason: 'signed-out' }),
    CallbackPage({ view: v, intakeUrl: 'http://intake' }),
    NoScriptPage({ view: v }),
    FailedMailsPage({ view: v, items: [], deadLetters: [{ topic: 'koppel.requests.v1', parked: 2, replayed: 1, waiting: 1 }] }),
    AnswerFormPage({ match: answering, side: 'school', answer: 'not_interested', token: 't' }),
    AnswerFormPage({ match: answering, side: 'school', answer: 'interested', token: 't' }),
    AnswerResultPage({ lang, kind: 'recorded', answer: 'interested', confirmed: true }),
    AnswerResultPage({ lang, kind: 'recorded', answer: 'interested' }),
    AnswerResultPage({ lang, kind: 'recorded', answer: 'not_interested' }),
    AnswerResultPage({ lang, kind: 'already', answer: 'not_interested' }),
    AnswerResultPage({ lang, kind: 'invalid' }),
    AnswerResultPage({ lang, kind: 'not-open' }),
    signUpsPage(lang),
    SignUpsPage({ view: v, waiting: [], decided: [], scopedToBroker: false, flash: { key: 'sign-up-already-decided' } }),
    SignUpsPage({ view: v, waiting: [signUp], decided: [], scopedToBroker: false, flash: { key: 'sign-up-approved' } }),
    SignUpsPage({
      view: v,
      waiting: [signUp],
      decided: [],
      scopedToBroker: false,
      error: { organisationId: 'org-linde', problem: 'too-long' },
    }),
  ].map(renderPage);
}

const proposalFrOf = () => allPages('fr')[1];

/** The leaf strings of a copy object, by path (functions left out: they are checked through the pages). */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) for (const [p, s] of leaves(v, `${path}.${k}`)) out.set(p, s);
  return out;
}

function keysOf(value: unknown, path = ''): string[] {
  if (!value || typeof value !== 'object') return [path];
  return Object.entries(value)
    .flatMap(([k, v]) => keysOf(v, `${path}.${k}`))
    .sort();
}

/** The text a reader sees (tags and the script's JSON left out, entities decoded where the copy uses them). */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('review’s copy', () => {
  it('has the same keys in Dutch, French and English, and no empty text', () => {
    expect(keysOf(REVIEW_COPY.fr)).toEqual(keysOf(REVIEW_COPY.nl));
    expect(keysOf(REVIEW_COPY.en)).toEqual(keysOf(REVIEW_COPY.nl));
    for (const lang of ['nl', 'fr', 'en'] as const)
      for (const [path, text] of leaves(REVIEW_COPY[lang])) expect({ path, text: text.trim() }).not.toEqual({ path, text: '' });
  });

  it.each(['fr', 'en'] as const)('translates every Dutch text in %s, but for words both languages share', (lang) => {
    const SAME_WORD = new Set(['Discipline', 'Disciplines', 'Score', 'score', 'Status', 'School', 'school', 'Mails', 'online', 'Topic']);
    const nl = leaves(REVIEW_COPY.nl);
    const untranslated = [...leaves(REVIEW_COPY[lang])].filter(
      ([path, text]) => nl.get(path) === text && !path.startsWith('.regions.') && !SAME_WORD.has(text),
    );
    expect(untranslated).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('leaves no Dutch sentence on any page in %s', (lang) => {
    // Words that are the same in both languages (Status, Discipline, the Dutch names of Dutch provinces) are no leftovers.
    const other = new Set(leaves(REVIEW_COPY[lang]).values());
    const dutchOnly = [...leaves(REVIEW_COPY.nl).values()].filter((text) => !other.has(text) && text.length > 3);
    expect(dutchOnly.length).toBeGreaterThan(150);
    const seen = allPages(lang).map(visibleText).join('\n');
    // As whole words: 'Regio' is no leftover in 'Region', nor 'Brussel' in 'Brussels'.
    const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const shown = (text: string) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(text)}($|[^\\p{L}])`, 'u').test(seen);
    expect(dutchOnly.filter(shown)).toEqual([]);
    for (const word of ['leerlingen', 'jaar', 'Voorstel', 'door ', 'aanbieder', 'Regel voor', 'pogingen']) expect(seen).not.toContain(word);
  });

  it('says the pages in the reader’s language, with lang and a switcher that marks it', () => {
    const [queueFr] = allPages('fr');
    expect(queueFr).toContain('<html lang="fr">');
    expect(queueFr).toContain('<h1>Mises en relation proposées</h1>');
    expect(queueFr).toContain('<nav class="languages" aria-label="Langue">');
    expect(queueFr).toContain('lang="fr" hreflang="fr" aria-current="true">Français');
    expect(queueFr).toContain('2 propositions approuvées. 1 était déjà décidée ou introuvable.');
    expect(queueFr).toContain('24 élèves, 9–10 ans');
    expect(queueFr).toContain('Flandre-Occidentale');
    const [queueEn, proposalEn] = allPages('en');
    expect(queueEn).toContain('<html lang="en">');
    expect(queueEn).toContain('<h1>Proposed matches</h1>');
    expect(proposalEn).toContain('<h2 id="h-why">Why this fits</h2>');
    expect(proposalEn).toContain('€5.00 per pupil');
    expect(proposalFrOf()).toMatch(/atelier, 5,00\s€ par élève/);
    expect(proposalEn).toContain('not interested by school');
    const [queueNl, proposalNl] = allPages('nl');
    expect(queueNl).toContain('<html lang="nl">');
    expect(queueNl).toContain('<h1>Voorgestelde koppelingen</h1>');
    expect(queueNl).toContain('2 voorstellen goedgekeurd. 1 was al beslist of niet te vinden.');
    expect(proposalNl).toMatch(/workshop, €\s5,00 per leerling/); // Intl puts a no-break space there
    expect(proposalNl).toContain('niet geïnteresseerd door school');
  });

  it('keeps the switcher off the callback page, whose address holds the one-time token', () => {
    const callback = renderPage(CallbackPage({ view: view('fr', '/console/sign-in/callback?token=secret'), intakeUrl: 'http://intake' }));
    expect(callback).not.toContain('secret');
    expect(callback).not.toContain('class="languages"');
    expect(renderPage(SignInPage({ view: view('fr', '/console/sign-in'), intakeUrl: 'http://intake' }))).toContain(
      'href="/console/sign-in?lang=en"',
    );
  });

  it('gives the sign-in script its sentences as data the page cannot break out of', () => {
    const page = renderPage(SignInPage({ view: view('en'), intakeUrl: 'http://intake' }));
    const block = /<script type="application\/json" id="sign-in-messages">([\s\S]*?)<\/script>/.exec(page)?.[1];
    expect(JSON.parse(block!)).toEqual(REVIEW_COPY.en.signIn.script);
    expect(block).not.toContain('<');
  });

  it('tells a broker without a whole province that it cannot set rules, without a form', () => {
    const none = allPages('nl')[4];
    expect(none).toContain('Geen enkele provincie ligt helemaal binnen je regio’s');
    expect(none).not.toContain('<form method="post" action="/console/policies">');
    const own = allPages('nl')[3];
    expect(own).toContain('<option value="West-Vlaanderen">West-Vlaanderen</option>');
    expect(own).toContain('<tr data-region="West-Vlaanderen">');
  });

  it('explains a match with the reader’s words and number format', () => {
    expect(explanationView(match, 'fr')).toMatchObject({
      ages: '9–10 ans, 100 % de la classe',
      distance: '12,3 km (la classe se déplace)',
    });
    expect(explanationView(match, 'en')).toMatchObject({
      ages: '9–10 years, 100% of the class',
      distance: '12.3 km (the class travels there)',
    });
    expect(explanationView(match)).toMatchObject({ ages: '9–10 jaar, 100% van de klas', distance: '12,3 km (de klas gaat erheen)' });
    expect(explanationView(match, 'fr').sentence).toContain('ans');
  });
});

describe('the sign-ups page', () => {
  it.each([
    [
      'nl',
      'Inschrijvingen',
      'School',
      'Kleuteronderwijs (BE), Lager onderwijs (BE)',
      'De Linde (id org-old): zelfde naam en plaats',
      'Goedkeuren',
      'Weigeren',
    ],
    [
      'fr',
      'Inscriptions',
      'École',
      'Enseignement maternel (BE), Enseignement primaire (BE)',
      'De Linde (id org-old): même nom et même lieu',
      'Approuver',
      'Refuser',
    ],
    [
      'en',
      'Sign-ups',
      'School',
      'Nursery education (BE), Primary education (BE)',
      'De Linde (id org-old): same name and place',
      'Approve',
      'Reject',
    ],
  ] as const)(
    'lists in %s what waits, with kind, levels, duplicates flagged and both forms',
    (lang, nav, kind, levels, duplicate, approve, reject) => {
      const html = renderPage(signUpsPage(lang));
      expect(html).toContain(`<a href="/console/sign-ups" aria-current="page">${nav}</a>`);
      expect(html).toContain(`<td>${kind}</td>`);
      expect(html).toContain(`<td>${levels}</td>`);
      expect(html).toContain(`<li>${duplicate}</li>`);
      expect(html).toContain(`<span class="muted">${regionLabel(copyFor(lang), 'West-Vlaanderen')}</span>`);
      expect(html).toContain(
        `<form class="inline" method="post" action="/console/sign-ups/org-linde/approve"><button class="approve" type="submit">${approve}`,
      );
      expect(html).toContain('<form method="post" action="/console/sign-ups/org-linde/reject">');
      expect(html).toContain(`<button class="reject" type="submit">${reject}`);
      // Each reason has its label, is required, and says what was wrong with it beside it.
      expect(html).toContain(`<label for="reason-0">${copyFor(lang).signUps.reason}`);
      expect(html).toContain(
        '<textarea id="reason-1" name="reason" rows="3" cols="30" required="" maxlength="2000" aria-describedby="reason-1-hint">',
      );
      expect(html).toContain(`<p class="field-error" id="reason-0-error">${copyFor(lang).signUps.reasonProblems.missing}</p>`);
      expect(html).toContain('aria-describedby="reason-0-error reason-0-hint" aria-invalid="true"');
      expect(html).toContain('<a href="#reason-0">');
      // The decisions below: who, and why a rejection.
      expect(html).toContain('<tr data-organisation-id="org-r" data-status="rejected">');
      expect(html).toContain('sam@example.org');
      expect(html).toContain('<td>Adres klopt niet</td>');
      expect(html).toContain(`<span class="status">${copyFor(lang).signUps.decisions.approved}</span>`);
      expect(html).toContain(copyFor(lang).flash['sign-up-rejected']());
    },
  );

  it('says when nothing waits and nothing was decided', () => {
    const html = renderPage(SignUpsPage({ view: view('en'), waiting: [], decided: [], scopedToBroker: false }));
    expect(html).toContain('No sign-ups waiting.');
    expect(html).toContain('No decisions yet.');
    expect(html).not.toContain('<form method="post"');
    expect(html).not.toContain('You see only the sign-ups within your own regions.');
  });
});

describe('flash messages through the redirect', () => {
  const roundTrip = (flash: Flash) => flashOf(Object.fromEntries(new URLSearchParams(flashQuery(flash))));

  it('carry a key and its parameters, and read back the same', () => {
    expect(flashQuery({ key: 'bulk-approved', approved: 3, skipped: 1 })).toBe('flash=bulk-approved&flash.approved=3&flash.skipped=1');
    expect(roundTrip({ key: 'bulk-approved', approved: 3, skipped: 1 })).toEqual({ key: 'bulk-approved', approved: 3, skipped: 1 });
    expect(roundTrip({ key: 'policy-saved', region: 'Luik' })).toEqual({ key: 'policy-saved', region: 'Luik' });
    expect(roundTrip({ key: 'note-saved' })).toEqual({ key: 'note-saved' });
  });

  it('show nothing for an unknown key, a missing parameter or a text of someone else’s', () => {
    expect(flashOf({})).toBeUndefined();
    expect(flashOf({ flash: 'Uw account is geblokkeerd, bel 0900' })).toBeUndefined();
    expect(flashOf({ flash: 'policy-saved', 'flash.region': 'Bel ons op 0900' })).toBeUndefined();
    expect(flashOf({ flash: 'bulk-approved', 'flash.approved': '2' })).toBeUndefined();
    expect(flashOf({ message: 'Voorstel goedgekeurd.' })).toBeUndefined();
  });

  it('are said in each language', () => {
    const saved: Flash = { key: 'policy-saved', region: 'Luik' };
    expect(REVIEW_COPY.nl.flash['policy-saved'](saved)).toBe('Regel voor Luik bewaard.');
    expect(REVIEW_COPY.fr.flash['policy-saved'](saved)).toBe('Règle pour Liège enregistrée.');
    expect(REVIEW_COPY.en.flash['policy-saved'](saved)).toBe('Rule for Liège saved.');
  });
});
