import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Language, MatchSnapshot } from '@koppel/contracts';
import { renderPage } from '@koppel/http';
import { QueueQuerySchema } from '../src/http/console/queue-query';
import { pageSecurityPolicy, stylesheetRoute } from '../src/http/page-assets';
import { AnswerFormPage, AnswerResultPage } from '../src/http/views/answers/answer-pages';
import { copyFor } from '../src/http/views/copy';
import { insightsSummary } from '../src/app/insights/figures';
import { InsightsPage } from '../src/http/views/console/insights-page';
import { FailedMailsPage } from '../src/http/views/console/mails-page';
import { PoliciesPage } from '../src/http/views/console/policies-page';
import { ProposalPage } from '../src/http/views/console/proposal-page';
import { QueuePage } from '../src/http/views/console/queue-page';
import { SignUpsPage } from '../src/http/views/console/sign-ups-page';
import type { PageView } from '../src/http/views/page-view';
import { CallbackPage, NoScriptPage, SignInPage } from '../src/http/views/sign-in/sign-in-pages';
import { REVIEW_CSS, STYLESHEET_PATH } from '../src/http/views/stylesheet';
import type { PolicyDoc } from '../src/store/policies';
import type { ProposalDoc } from '../src/store/proposal-doc';
import type { SignUpDoc } from '../src/store/sign-ups';

/** Markup, quotes and an ampersand: what a hostile organisation, offer or broker could put in any text field. */
const HOSTILE = `<script>alert("x")</script><img src=x onerror='y'>&`;
const h = (text: string) => `${text}${HOSTILE}`;
/** A discipline code the contract does not know (newer data): shown as it is, so escaped like any text. */
const unknownDiscipline = h('d') as 'theatre';

const match = (lang: Language): MatchSnapshot => ({
  matchId: h('r1::o1'),
  requestId: h('r1'),
  offerId: h('o1'),
  score: 0.82,
  explanation: {
    signals: {},
    weights: {},
    distanceKm: 12.34,
    reachedBy: 'on_site',
    ageOverlap: { from: 9, to: 10, coverage: 1 },
    matchedTerms: [h('toneel')],
    matchedThemes: [h('theme')],
    overBudget: true,
    requestLanguage: 'nl',
    offerLanguage: 'nl',
    wantedLanguage: 'nl',
    requestDisciplines: ['theatre', h('d')],
  },
  summary: h('summary'),
  request: {
    title: h('Toneel'),
    municipality: h('Kortrijk'),
    postcode: h('8500'),
    country: 'BE',
    ageMin: 9,
    ageMax: 10,
    pupils: 24,
    disciplines: ['theatre', unknownDiscipline],
  },
  offer: {
    title: h('Workshop'),
    municipality: h('Gent'),
    format: h('workshop'),
    pricePerPupil: 5,
    disciplines: ['theatre', unknownDiscipline],
  },
  school: { id: 's', name: h('De Klimop'), email: h('s@example.org'), language: lang },
  provider: { id: 'p', name: h('Antigone'), email: h('p@example.org'), language: lang },
});

const at = new Date('2026-03-01T10:00:00Z');
const proposal = (lang: Language): ProposalDoc => ({
  _id: h('r1::o1'),
  match: match(lang),
  score: 0.82,
  region: h('Nergens'),
  status: 'proposed',
  note: h('note'),
  decidedBy: h('sam@example.org'),
  answers: {
    school: { answer: 'not_interested', reason: h('te ver'), answeredAt: at, via: 'page' },
    provider: { answer: 'interested', answeredAt: at, via: 'page' },
  },
  mails: {
    school_approved: {
      recipient: 'school',
      kind: 'approved',
      status: 'failed',
      to: h('s@example.org'),
      attempts: 5,
      reason: h('timeout'),
      at,
    },
    provider_approved: { recipient: 'provider', kind: 'approved', status: 'sent', to: h('p@example.org'), at },
  },
  history: [
    { at, action: 'proposed', by: h('matcher') },
    { at, action: h('action'), by: 'school', note: h('note') },
  ],
  createdAt: at,
  updatedAt: at,
  pendingEvents: {},
  pendingEventCount: 0,
});

/** A sign-up whose every text (id, name, place, umbrella, a duplicate's name, who decided and why) is hostile. */
const signUp: SignUpDoc = {
  _id: h('org-1'),
  type: 'school',
  name: h('Basisschool De Linde'),
  municipality: h('Kortrijk'),
  postcode: h('8500'),
  country: h('BE'),
  postcodeNumber: 8500,
  region: h('Nergens'),
  schoolLevels: ['be_primary', h('level') as 'be_primary'],
  memberOf: [h('umbrella-1')],
  duplicates: [
    { organisationId: h('org-0'), name: h('De Linde'), why: 'name_and_place' },
    { organisationId: 'org-2', name: 'Linde vzw', why: h('why') as 'contact_address' },
  ],
  confirmedAt: at,
  receivedAt: at,
  status: 'waiting',
  pendingEvents: {},
  pendingEventCount: 0,
};
const rejectedSignUp: SignUpDoc = {
  ...signUp,
  _id: h('org-3'),
  type: h('kind') as 'school',
  status: 'rejected',
  decidedBy: h('sam@example.org'),
  decidedAt: at,
  reason: h('onbekend'),
};

/** Insights whose texts (titles, places, ids, a discipline and an offer title) are hostile. */
function hostileInsights() {
  const place = { municipality: h('Kortrijk'), postcode: '8500', country: 'BE', postcodeNumber: 8500, region: h('Regio') };
  return insightsSummary(
    {
      requests: [
        {
          id: h('r1'),
          schoolId: 's',
          title: h('Toneel'),
          ...place,
          disciplines: [unknownDiscipline],
          ageMin: 8,
          ageMax: 9,
          pupils: 20,
          createdAt: at,
        },
      ],
      offers: [
        {
          id: h('o1'),
          providerId: 'p',
          title: h('Circus'),
          ...place,
          disciplines: [unknownDiscipline],
          ageMin: 15,
          ageMax: 18,
          pricePerPupil: 0,
          mode: 'both',
          inclusion: { wheelchairAccess: true },
          createdAt: at,
        },
      ],
      proposals: [],
      misses: [
        {
          requestId: h('r1'),
          proposals: 0,
          wanted: 3,
          missedAt: at,
          nearMisses: [
            { offerId: h('o1'), textMatch: 1, score: null, reasons: [{ constraint: 'ages', offerAges: [15, 18], pupilAges: [8, 9] }] },
          ],
        },
      ],
      offerTitles: new Map([[h('o1'), h('Circus')]]),
    },
    { user: { role: 'admin' } },
  );
}

/** Every page review renders, in one language, with hostile text wherever data or the address goes in. */
function pagesWithHostileData(lang: Language): Record<string, string> {
  const view: PageView = { lang, copy: copyFor(lang), url: `/console?q=${encodeURIComponent(HOSTILE)}&x=${HOSTILE}` };
  const p = proposal(lang);
  const decided: ProposalDoc = { ...p, _id: h('x'), status: 'approved' };
  const query = QueueQuerySchema.parse({ q: h('zoek').slice(0, 100), status: 'all', offset: '20' });
  const policy: PolicyDoc = { _id: h('Regio'), enabled: true, threshold: 0.8, updatedBy: h('sam@example.org'), updatedAt: at };
  const intakeUrl = h('http://intake');
  const pages = {
    queue: QueuePage({
      view,
      items: [p, decided],
      total: 60,
      query,
      limit: 20,
      regions: ['West-Vlaanderen'],
      flash: { key: 'note-saved' },
    }),
    proposal: ProposalPage({ view, proposal: p, others: [decided], flash: { key: 'policy-saved', region: 'Luik' } }),
    decidedProposal: ProposalPage({ view, proposal: decided, others: [] }),
    mails: FailedMailsPage({
      view,
      items: [p],
      flash: { key: 'resend-requested' },
      deadLetters: [{ topic: h('koppel.requests.v1'), parked: 2, replayed: 1, waiting: 1 }],
    }),
    mailsWithoutBroker: FailedMailsPage({ view, items: [], deadLetters: null }),
    policies: PoliciesPage({ view, policies: [policy], regions: ['West-Vlaanderen'], scopedToBroker: true }),
    signIn: SignInPage({ view, intakeUrl, reason: 'invalid' }),
    callback: CallbackPage({ view, intakeUrl }),
    noScript: NoScriptPage({ view }),
    insights: InsightsPage({
      view,
      summary: hostileInsights(),
      filters: { region: h('Regio'), from: h('2026'), to: h('2026'), period: h('school-year:2026') },
      regions: ['West-Vlaanderen'],
      periods: ['school-year:2026', 'month:2026-11'],
      scopedToBroker: true,
    }),
    signUps: SignUpsPage({
      view,
      waiting: [signUp],
      decided: [rejectedSignUp, { ...signUp, _id: 'org-4', status: 'approved', decidedBy: 'kim@example.org', decidedAt: at }],
      scopedToBroker: true,
      flash: { key: 'sign-up-approved' },
    }),
    signUpsReasonMissing: SignUpsPage({
      view,
      waiting: [signUp],
      decided: [],
      scopedToBroker: false,
      error: { organisationId: signUp._id, problem: 'missing', reason: h(' ') },
    }),
    signUpsNone: SignUpsPage({
      view,
      waiting: [],
      decided: [],
      scopedToBroker: false,
      error: { organisationId: h('gone'), problem: 'too-long' },
    }),
    answerForm: AnswerFormPage({ match: match(lang), side: 'school', answer: 'not_interested', token: h('token') }),
    answerResult: AnswerResultPage({ lang, kind: 'recorded', answer: 'interested', confirmed: true }),
  };
  return Object.fromEntries(Object.entries(pages).map(([name, page]) => [name, renderPage(page)]));
}

describe('review’s pages (TSX, escaped by default)', () => {
  it.each(['nl', 'fr', 'en'] as const)('escape every text and attribute from data and the address in %s', (lang) => {
    for (const [name, html] of Object.entries(pagesWithHostileData(lang))) {
      expect({ name, start: html.slice(0, 32) }).toEqual({ name, start: `<!doctype html>\n<html lang="${lang}">` });
      // No markup of the data's own: no script, no image, no attribute broken out of.
      expect({ name, injected: /<script>alert|<img|onerror='/.test(html) }).toEqual({ name, injected: false });
      // Only review's own scripts: the sign-in script (a file) and its sentences (a JSON data block).
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      for (const tag of scripts)
        expect(['<script src="/console/sign-in/script.js" defer="">', '<script type="application/json" id="sign-in-messages">']).toContain(
          tag,
        );
      // The stylesheet is a file: no inline style the policy would have to allow.
      expect(html).toContain(`<link rel="stylesheet" href="${STYLESHEET_PATH}"/>`);
      expect(html).not.toMatch(/<style|\sstyle=/);
    }
    const pages = pagesWithHostileData(lang);
    expect(pages.queue).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;');
    expect(pages.queue).toContain(`data-match-id="r1::o1&lt;script&gt;`);
    expect(pages.proposal).toContain('<textarea id="note" name="note" rows="2" cols="60" maxlength="2000">note&lt;script&gt;');
    expect(pages.signIn).toContain('data-intake="http://intake&lt;script&gt;alert(&quot;x&quot;)');
    expect(pages.answerForm).toContain('action="/answers/token&lt;script&gt;');
    expect(pages.mails).toContain('<code>koppel.requests.v1&lt;script&gt;');
    expect(pages.insights).toContain('<tr data-request-id="r1&lt;script&gt;');
    expect(pages.insights).toContain('href="/console/insights.csv?table=numbers&amp;region=Regio%3Cscript%3E');
    expect(pages.signUps).toContain('<tr data-organisation-id="org-1&lt;script&gt;');
    expect(pages.signUps).toContain('action="/console/sign-ups/org-1%3Cscript%3Ealert(%22x%22)%3C%2Fscript%3E');
    expect(pages.signUps).toContain('De Linde&lt;script&gt;');
    expect(pages.signUps).toContain('onbekend&lt;script&gt;');
    expect(pages.signUpsReasonMissing).toMatch(/<textarea id="reason-0" name="reason"[^>]*aria-invalid="true"[^>]*> &lt;script&gt;/);
  });

  it.each([
    ['nl', 'De aanvrager vroeg dit aanbod zelf aan uit de catalogus.'],
    ['fr', 'Le demandeur a demandé cette offre lui-même depuis le catalogue.'],
    ['en', 'The requester asked for this offer from the catalogue.'],
  ] as const)('say in %s when the requester asked for the offer from the catalogue, and only then', (lang, sentence) => {
    const view: PageView = { lang, copy: copyFor(lang), url: '/console' };
    const p = proposal(lang);
    const asked = renderPage(ProposalPage({ view, proposal: { ...p, match: { ...p.match, askedFor: true } }, others: [] }));
    expect(asked).toContain(sentence);
    expect(renderPage(ProposalPage({ view, proposal: p, others: [] }))).not.toContain(sentence);
  });

  it('use only classes the stylesheet has', () => {
    const classes = new Set(
      (['nl', 'fr', 'en'] as const)
        .flatMap((lang) => Object.values(pagesWithHostileData(lang)))
        .flatMap((html) => [...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/))),
    );
    expect([...classes].filter((name) => !new RegExp(`\\.${name}(?![\\w-])`).test(REVIEW_CSS))).toEqual([]);
    expect(classes.size).toBeGreaterThan(15);
  });

  it('are allowed styles and scripts from review itself only', () => {
    const policy = pageSecurityPolicy('http://intake.example');
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual(["'self'", 'http://intake.example']);
  });

  it('get their stylesheet as a file anyone may fetch and keep for a while', async () => {
    const app = express();
    app.use(stylesheetRoute());
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${STYLESHEET_PATH}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/css/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(await res.text()).toBe(REVIEW_CSS);
    } finally {
      server.close();
    }
  });
});
