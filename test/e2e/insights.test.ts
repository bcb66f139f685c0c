import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { signToken } from '@koppel/auth';
import type { Offer, Request } from '@koppel/contracts';
import {
  bearer,
  chromiumLaunch,
  demoOffers,
  demoRequests,
  describeViolations,
  requestJson,
  seriousAxeViolations,
  uniqueCopy,
  waitFor,
} from '@koppel/testkit';
import { e2eContext, uniqueTag } from './helpers';

/**
 * The brokers' insights (issue #14) on the real stack: the development set's offers and
 * requests (fresh ids) posted through intake, matched by the matcher, proposed, decided
 * and answered; then every figure of review's `/insights/summary` is compared with what
 * this test computes itself from the listings it posted and the proposals review lists
 * (its own age bands and counting, not review's functions).
 *
 * Isolation: every listing here is placed in Belgian Luxembourg (postcodes 6900–6999, a
 * province no other test uses) and moved 171° of longitude east, away from the copies
 * other tests make (helpers.ts shifts by even degrees up to 168), so nothing of theirs
 * is proposed to these requests or counted in these figures.
 */

type Half = 'low' | 'high';
/** Two parts of the province: a broker of 6900–6949 sees the low half only. */
const PLACES: Record<Half, { postcode: string; municipality: string }> = {
  low: { postcode: '6900', municipality: 'Marche-en-Famenne' },
  high: { postcode: '6960', municipality: 'Manhay' },
};
const REGION = 'Luxemburg (BE)';
const SHIFT = 171;

/** The test's own age bands: a listing counts in the band of each age it takes (up to 18, the last band's start). */
function bandOfAge(age: number): string {
  if (age <= 5) return '0-5';
  if (age <= 8) return '6-8';
  if (age <= 11) return '9-11';
  if (age <= 14) return '12-14';
  if (age <= 17) return '15-17';
  return '18+';
}
function bandsOfAges(ageMin: number, ageMax: number): Set<string> {
  const bands = new Set<string>();
  for (let age = ageMin; age <= Math.min(ageMax, 18); age++) bands.add(bandOfAge(age));
  return bands;
}

interface ProposalRow {
  id: string;
  status: string;
  decidedAt?: string;
  updatedAt: string;
  match: { requestId: string; offerId: string; school: { id: string }; provider: { id: string } };
}

/** A registered requester (an organisation with a place) in one half of the province. */
interface Registered {
  id: string;
  name: string;
  half: Half;
}

/** What the summary should say, computed from the posted listings, the registered requesters and the proposals review lists. */
function expectedFigures(requests: Request[], offers: Offer[], proposals: ProposalRow[], registered: Registered[]) {
  const ids = new Set(requests.map((r) => r.id));
  const mine = proposals.filter((p) => ids.has(p.match.requestId));
  const proposed = new Set(mine.map((p) => p.match.requestId));
  const cells = new Map<string, { requests: number; offers: number }>();
  const add = (disciplines: string[], ageMin: number, ageMax: number, what: 'requests' | 'offers') => {
    for (const d of new Set(disciplines))
      for (const band of bandsOfAges(ageMin, ageMax)) {
        const cell = cells.get(`${d}|${band}`) ?? { requests: 0, offers: 0 };
        cell[what] += 1;
        cells.set(`${d}|${band}`, cell);
      }
  };
  for (const r of requests) add(r.disciplines, r.pupils.ageMin, r.pupils.ageMax, 'requests');
  for (const o of offers) add(o.disciplines, o.audience.ageMin, o.audience.ageMax, 'offers');
  const count = (...statuses: string[]) => mine.filter((p) => statuses.includes(p.status)).length;
  // Never reached: requesters without an approved or confirmed proposal; providers none of whose offers was ever proposed.
  const reachedRequests = new Set(mine.filter((p) => p.status === 'approved' || p.status === 'confirmed').map((p) => p.match.requestId));
  const everProposed = new Set(proposals.map((p) => p.match.offerId));
  const schools = new Map<string, Request[]>();
  for (const r of requests) schools.set(r.school.id, [...(schools.get(r.school.id) ?? []), r]);
  const providers = new Map<string, Offer[]>();
  for (const o of offers) providers.set(o.provider.id, [...(providers.get(o.provider.id) ?? []), o]);
  const neverReached = {
    // A registered requester that asked nothing counts too, without requests.
    requesters: [
      ...[...schools.entries()]
        .filter(([, own]) => !own.some((r) => reachedRequests.has(r.id)))
        .map(([id, own]) => ({ id, name: own[0].school.name, listings: own.map((r) => r.id).sort() })),
      ...registered.filter((o) => !schools.has(o.id)).map((o) => ({ id: o.id, name: o.name, listings: [] as string[] })),
    ].sort((a, b) => a.id.localeCompare(b.id)),
    providers: [...providers.entries()]
      .filter(([, own]) => !own.some((o) => everProposed.has(o.id)))
      .map(([id, own]) => ({ id, name: own[0].provider.name, listings: own.map((o) => o.id).sort() }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
  return {
    requests: { total: requests.length, withProposal: proposed.size, withoutProposal: requests.length - proposed.size },
    offers: { active: offers.length },
    unmatched: requests
      .filter((r) => !proposed.has(r.id))
      .map((r) => r.id)
      .sort(),
    cells,
    funnel: {
      proposed: mine.length,
      approved: count('approved', 'confirmed', 'declined'),
      confirmed: count('confirmed'),
      declined: count('declined'),
    },
    free: offers.filter((o) => o.pricePerPupil === 0 || o.inclusion?.freeOrSocialTariff).length,
    neverReached,
    // By municipality: requests where their school is, offers where they are (sorted by name here; the order is checked apart).
    municipalities: [...new Set([...requests.map((r) => r.school.municipality), ...offers.map((o) => o.location.municipality)])]
      .sort()
      .map((municipality) => {
        const wanted = requests.filter((r) => r.school.municipality === municipality).length;
        const offered = offers.filter((o) => o.location.municipality === municipality).length;
        return { municipality, requests: wanted, offers: offered, gap: wanted - offered };
      }),
    declines: mine
      .filter((p) => p.status === 'declined')
      .map((p) => p.id)
      .sort(),
  };
}

/** The summary's organisations never reached, in the shape of `expectedFigures`. */
function neverReachedOf(body: any) {
  type Row = { organisationId: string; name: string | null; requests?: Array<{ requestId: string }>; offers?: Array<{ offerId: string }> };
  const rows = (list: Row[]) =>
    list
      .map((row) => ({
        id: row.organisationId,
        name: row.name,
        listings: (row.requests?.map((r) => r.requestId) ?? row.offers?.map((o) => o.offerId) ?? []).sort(),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  return { requesters: rows(body.neverReached.requesters), providers: rows(body.neverReached.providers) };
}

/** The summary's figures in the shape of `expectedFigures` (the grid as its non-empty cells). */
function actualFigures(body: any) {
  const cells = new Map<string, { requests: number; offers: number }>();
  for (const c of body.supplyDemand)
    if (c.requests || c.offers) cells.set(`${c.discipline}|${c.ageBand}`, { requests: c.requests, offers: c.offers });
  return {
    requests: body.requests,
    offers: body.offers,
    unmatched: body.unmatched.map((u: { requestId: string }) => u.requestId).sort(),
    cells,
    funnel: {
      proposed: body.funnel.proposed,
      approved: body.funnel.approved,
      confirmed: body.funnel.confirmed,
      declined: body.funnel.declined,
    },
    free: body.inclusion.counts.freeOrSocialTariff,
    neverReached: neverReachedOf(body),
    municipalities: body.municipalities
      .map((m: { municipality: string; requests: number; offers: number; gap: number }) => ({
        municipality: m.municipality,
        requests: m.requests,
        offers: m.offers,
        gap: m.gap,
      }))
      .sort((a: { municipality: string }, b: { municipality: string }) => (a.municipality < b.municipality ? -1 : 1)),
    declines: body.outcomes.declines.map((d: { matchId: string }) => d.matchId).sort(),
  };
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The median seconds from each request's creation (as intake answered it) to the first of its
 * proposals that reached a stage, over the requests that reached it.
 */
function medianSecondsTo(
  requests: Request[],
  created: Map<string, number>,
  proposals: ProposalRow[],
  at: (p: ProposalRow) => string | undefined,
) {
  const first = new Map<string, number>();
  for (const p of proposals) {
    const when = at(p);
    if (!when || !created.has(p.match.requestId) || !requests.some((r) => r.id === p.match.requestId)) continue;
    const t = Date.parse(when);
    first.set(p.match.requestId, Math.min(t, first.get(p.match.requestId) ?? t));
  }
  const seconds = [...first.entries()].map(([id, t]) => Math.max(0, (t - created.get(id)!) / 1000));
  return { requests: seconds.length, median: medianOf(seconds) };
}

/** A Brussels calendar day, `days` from today. */
function brusselsDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(Date.now() + days * 24 * 3600 * 1000));
}

describe('broker insights on the real stack', () => {
  const { stack } = e2eContext();
  const intake = () => stack.services.intake.url;
  const review = () => stack.services.review.url;
  const admin = bearer(stack.adminToken);
  const token = (claims: Parameters<typeof signToken>[1]) => signToken(stack.authSecret, claims).token;
  const brokerOf = (sub: string, postcodeFrom: number, postcodeTo: number) =>
    token({ sub, role: 'broker', org: `brk-${sub}`, regions: [{ country: 'BE', postcodeFrom, postcodeTo }], ttlSeconds: 3600 });
  const tag = uniqueTag();
  /** Sees the whole province (all of this test's listings): lists their proposals. */
  const province = bearer(brokerOf(`lux-${tag}@example.org`, 6900, 6999));
  /** Sees the low half only. */
  const lowBroker = brokerOf(`marche-${tag}@example.org`, 6900, 6949);
  const antwerp = bearer(brokerOf(`antwerpen-${tag}@example.org`, 2000, 2999));
  const period = `from=${brusselsDay(-1)}&to=${brusselsDay(1)}`;
  const summaryOf = async (auth: Record<string, string>, query = `region=${encodeURIComponent(REGION)}&${period}`) =>
    requestJson('GET', `${review()}/insights/summary?${query}`, undefined, auth);

  const halfOf = (listing: Offer | Request): Half =>
    ('location' in listing ? listing.location : listing.school).postcode === PLACES.low.postcode ? 'low' : 'high';
  const place = <T extends Offer | Request>(listing: T, half: Half, shift = SHIFT): T => {
    const where = { ...PLACES[half], country: 'BE' as const };
    if ('location' in listing) listing.location = { ...listing.location, ...where, lon: listing.location.lon + shift };
    else listing.school = { ...listing.school, ...where, lon: listing.school.lon + shift };
    return listing;
  };

  // The development set, every other listing in each half; two offers stating inclusion attributes.
  const offers = demoOffers().map((o, i) => place(uniqueCopy(o, tag), i % 2 ? 'high' : 'low'));
  offers[1].inclusion = { freeOrSocialTariff: true, wheelchairAccess: true };
  offers[2].inclusion = { languageSupport: true };
  const requests = demoRequests().map((r, i) => place(uniqueCopy(r, tag), i % 2 ? 'high' : 'low'));
  // A pair whose texts fit but whose ages do not: a request nothing is proposed to, with the reason. Apart from the rest.
  const word = `zwiekelbrom${tag}`;
  const juggling = place(
    uniqueCopy(
      {
        ...demoOffers().find((o) => o.disciplines.includes('circus'))!,
        id: 'off-juggle',
        title: `${word} jongleerworkshop`,
        description: `${word} ${word}: jongleren voor jongeren.`,
        audience: { ageMin: 15, ageMax: 18 },
        grades: undefined,
      },
      tag,
    ),
    'low',
    SHIFT + 3,
  );
  const tooYoung = place(
    uniqueCopy(
      {
        ...demoRequests()[0],
        id: 'req-juggle',
        title: `${word} in de klas`,
        description: `${word} ${word} voor het derde leerjaar.`,
        disciplines: ['circus'],
        pupils: { ageMin: 8, ageMax: 9, count: 22 },
        grades: undefined,
      },
      tag,
    ),
    'low',
    SHIFT + 3,
  );
  offers.push(juggling);
  requests.push(tooYoung);
  // Posted and withdrawn: counted nowhere.
  const withdrawnOffer = place(uniqueCopy(demoOffers()[0], `${tag}w`), 'low');
  const withdrawnRequest = place(uniqueCopy(demoRequests()[1], `${tag}w`), 'low');
  // Registered requesters that ask nothing: never reached. A withdrawn one counts nowhere.
  const registered: Registered[] = [
    { id: `org-klimop-${tag}`, name: `Basisschool De Klimop ${tag}`, half: 'low' },
    { id: `org-bso-${tag}`, name: `BSO Het Speelnest ${tag}`, half: 'high' },
  ];
  const withdrawnRegistered: Registered = { id: `org-weg-${tag}`, name: `Jeugdhuis Weg ${tag}`, half: 'low' };
  const organisationBody = (o: Registered) => ({
    id: o.id,
    type: o.id.startsWith('org-bso') ? 'after_school_care' : o.id.startsWith('org-weg') ? 'youth_work' : 'school',
    name: o.name,
    contacts: [{ name: 'Contact', email: `${o.id}@example.org` }],
    place: { postcode: PLACES[o.half].postcode, country: 'BE' },
  });

  /** Every proposal of this test's requests, as the province's broker lists them. */
  async function proposals(): Promise<ProposalRow[]> {
    const rows: ProposalRow[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await requestJson('GET', `${review()}/proposals?limit=100&offset=${offset}&sort=newest`, undefined, province);
      expect(page.status).toBe(200);
      rows.push(...page.body.items);
      if (page.body.items.length < 100) return rows;
    }
  }

  /**
   * Waits until the pipeline has settled (every request without a proposal has its
   * `match.missed`, and the proposals stopped changing) and review's figures are those
   * computed here; then asserts them, so a difference shows as a readable diff.
   */
  async function expectFigures(auth: Record<string, string>, which: Half[], query?: string): Promise<any> {
    const active = (list: Array<Offer | Request>) => list.filter((l) => which.includes(halfOf(l)));
    let last: { expected: unknown; actual: unknown; body: any } | undefined;
    let previous = '';
    await waitFor(
      `the insights of ${which.join(' and ')} to settle`,
      async () => {
        const res = await summaryOf(auth, query);
        if (res.status !== 200) throw new Error(`summary answered ${res.status}: ${JSON.stringify(res.body)}`);
        const listed = await proposals();
        const expected = expectedFigures(
          active(requests) as Request[],
          active(offers) as Offer[],
          listed,
          registered.filter((o) => which.includes(o.half)),
        );
        last = { expected, actual: actualFigures(res.body), body: res.body };
        const state = JSON.stringify(listed.map((p) => `${p.id}:${p.status}`).sort());
        const stable = state === previous;
        previous = state;
        const missedAll = res.body.unmatched.every((u: { missedAt: string | null }) => u.missedAt !== null);
        return stable && missedAll && JSON.stringify(expected, mapReplacer) === JSON.stringify(last.actual, mapReplacer) ? true : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 1000 },
    ).catch(() => undefined);
    expect(last).toBeDefined();
    expect(last?.actual).toEqual(last?.expected);
    // The municipalities come largest gap first.
    const gaps = (last?.body.municipalities ?? []).map((m: { gap: number }) => m.gap);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    return last?.body;
  }

  /** When intake created each request (its answer's `createdAt`): the start of the times to approval and confirmation. */
  const createdAt = new Map<string, number>();

  /** How many offers the matcher has indexed, from its /metrics. */
  const indexedOffers = async () => {
    const text = await (await fetch(`${stack.services.matcher.url}/metrics`)).text();
    return Number(
      text
        .split('\n')
        .find((l) => l.startsWith('koppel_matcher_index_listings{kind="offer"} '))
        ?.split(' ')[1] ?? 0,
    );
  };

  beforeAll(async () => {
    for (const o of [...registered, withdrawnRegistered])
      expect((await requestJson('POST', `${intake()}/organisations`, organisationBody(o), admin)).status).toBe(201);
    expect((await requestJson('POST', `${intake()}/organisations/${withdrawnRegistered.id}/withdraw`, {}, admin)).status).toBe(200);
    const before = await indexedOffers();
    for (const offer of [...offers, withdrawnOffer])
      expect((await requestJson('POST', `${intake()}/offers`, offer, admin)).status).toBe(201);
    // The offers are indexed before any request arrives: topics are not ordered among each other, and a
    // request matched before the juggling offer is known would have no near miss to report.
    await waitFor('the matcher to index the offers', async () => (await indexedOffers()) >= before + offers.length + 1, {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    for (const request of [...requests, withdrawnRequest]) {
      const res = await requestJson('POST', `${intake()}/requests`, request, admin);
      expect(res.status).toBe(201);
      createdAt.set(request.id, Date.parse(res.body.createdAt));
    }
    for (const path of [`offers/${withdrawnOffer.id}`, `requests/${withdrawnRequest.id}`])
      expect((await requestJson('POST', `${intake()}/${path}/withdraw`, {}, admin)).status).toBe(200);
  }, 120_000);

  it('counts every figure of the province as the test computes it, before and after decisions and answers', async () => {
    // Every request matched or missed: the summary equals the independent computation.
    await expectFigures(province, ['low', 'high']);
    await expectFigures(admin, ['low', 'high']);

    // Decide: approve two (one confirmed by both sides, one declined by the school), reject one.
    const mine = (await proposals()).filter((p) => requests.some((r) => r.id === p.match.requestId) && p.status === 'proposed');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const [toConfirm, toDecline, toReject] = mine;
    for (const p of [toConfirm, toDecline])
      expect((await requestJson('POST', `${review()}/proposals/${encodeURIComponent(p.id)}/approve`, {}, province)).status).toBe(200);
    expect(
      (await requestJson('POST', `${review()}/proposals/${encodeURIComponent(toReject.id)}/reject`, { note: 'Past niet.' }, province))
        .status,
    ).toBe(200);
    const answer = async (p: ProposalRow, side: 'requester' | 'provider', value: string, reason?: string) => {
      const org = side === 'requester' ? p.match.school.id : p.match.provider.id;
      const auth = bearer(token({ sub: `${side}-${tag}@example.org`, role: side, org, ttlSeconds: 600 }));
      const res = await requestJson(
        'POST',
        `${review()}/suggestions/${encodeURIComponent(p.id)}/answer`,
        { answer: value, ...(reason ? { reason } : {}) },
        auth,
      );
      expect(res.status).toBe(200);
    };
    await answer(toConfirm, 'requester', 'interested');
    await answer(toConfirm, 'provider', 'interested');
    await answer(toDecline, 'requester', 'not_interested', 'Te ver voor onze klas.');
    const body = await expectFigures(province, ['low', 'high']);
    expect(body.funnel).toMatchObject({ approved: 2, confirmed: 1, declined: 1, rejected: 1 });
    // The decline with the school's reason.
    expect(body.outcomes.declines).toEqual([
      expect.objectContaining({
        matchId: toDecline.id,
        requestId: toDecline.match.requestId,
        offerId: toDecline.match.offerId,
        answers: [{ side: 'school', reason: 'Te ver voor onze klas.' }],
      }),
    ]);
    // The median times, computed here from intake's creation times and the proposals' decision and confirmation
    // (a confirmed proposal's last change): within a second, as review starts from the event intake published a moment later.
    const listed = await proposals();
    const approvedAt = (p: ProposalRow) => (['approved', 'confirmed', 'declined'].includes(p.status) ? p.decidedAt : undefined);
    const confirmedAt = (p: ProposalRow) => (p.status === 'confirmed' ? p.updatedAt : undefined);
    for (const [stage, at] of [
      ['toApproval', approvedAt],
      ['toConfirmation', confirmedAt],
    ] as const) {
      const expected = medianSecondsTo(requests, createdAt, listed, at);
      expect(body.outcomes[stage].requests).toBe(expected.requests);
      expect(expected.median).not.toBeNull();
      expect(Math.abs(body.outcomes[stage].medianSeconds - expected.median!)).toBeLessThanOrEqual(1);
    }
    expect(body.outcomes.toApproval.requests).toBe(new Set([toConfirm, toDecline].map((p) => p.match.requestId)).size);
    expect(body.region).toBe(REGION);
  });

  it('shows an unmatched request with the reasons of its near misses', async () => {
    const res = await summaryOf(province);
    const entry = res.body.unmatched.find((u: { requestId: string }) => u.requestId === tooYoung.id);
    expect(entry).toMatchObject({ title: tooYoung.title, ageMin: 8, ageMax: 9, region: REGION });
    expect(entry.missedAt).not.toBeNull();
    expect(entry.reasons).toContainEqual({
      offerId: juggling.id,
      offerTitle: juggling.title,
      constraint: 'ages',
      offerAges: [15, 18],
      pupilAges: [8, 9],
    });
    // Withdrawn listings count nowhere.
    expect(res.body.unmatched.map((u: { requestId: string }) => u.requestId)).not.toContain(withdrawnRequest.id);
  });

  it('lets a broker see only its regions, and refuses regions its ranges do not reach', async () => {
    await expectFigures(bearer(lowBroker), ['low']);
    await expectFigures(bearer(lowBroker), ['low'], period);
    expect((await summaryOf(bearer(lowBroker), `region=Antwerpen&${period}`)).status).toBe(403);
    expect((await summaryOf(antwerp)).status).toBe(403);
    const own = await summaryOf(antwerp, period);
    expect(own.status).toBe(200);
    expect(own.body.unmatched.map((u: { requestId: string }) => u.requestId)).not.toContain(tooYoung.id);
    const bad = await summaryOf(admin, 'region=Atlantis&from=morgen');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['from', 'region']);
    expect((await requestJson('GET', `${review()}/insights/summary`)).status).toBe(401);
    const requester = bearer(token({ sub: `school-${tag}@example.org`, role: 'requester', org: 'some-school', ttlSeconds: 600 }));
    expect((await summaryOf(requester)).status).toBe(403);
  });

  it('gives a school-year period the same figures as the equivalent from/to days, and refuses both at once', async () => {
    // The current school year by the Brussels calendar, worked out here: from September on, this year's.
    const [year, month] = brusselsDay(0).split('-').map(Number);
    const first = month >= 9 ? year : year - 1;
    const region = `region=${encodeURIComponent(REGION)}`;
    await expectFigures(province, ['low', 'high'], `${region}&period=school-year:${first}`);
    const named = await summaryOf(province, `${region}&period=school-year:${first}`);
    const days = await summaryOf(province, `${region}&from=${first}-09-01&to=${first + 1}-08-31`);
    expect([named.status, days.status]).toEqual([200, 200]);
    const { from: _f, to: _t, period: namedPeriod, ...namedFigures } = named.body;
    const { from: _f2, to: _t2, period: daysPeriod, ...dayFigures } = days.body;
    expect(namedPeriod).toEqual({ ...daysPeriod, name: `school-year:${first}` });
    expect(namedFigures).toEqual(dayFigures);
    const both = await summaryOf(province, `${region}&period=school-year:${first}&from=${first}-09-01`);
    expect(both.status).toBe(400);
    expect(both.body.errors.map((e: { path: string }) => e.path)).toEqual(['period']);
    const bad = await summaryOf(province, `${region}&period=month:${first}-13`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['period']);
  });

  it('exports each table of the console page as UTF-8 CSV with a header row, and shows the page in nl, fr and en', async () => {
    const session = await fetch(`${review()}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: lowBroker }),
    });
    expect(session.status).toBe(204);
    const cookie = session.headers.get('set-cookie')!.split(';')[0];
    const filters = `region=${encodeURIComponent(REGION)}&${period}`;
    const lowSummary = (await summaryOf(bearer(lowBroker))).body;
    for (const table of [
      'numbers',
      'supply-demand',
      'municipalities',
      'unmatched',
      'funnel',
      'outcome-times',
      'declines',
      'never-reached-requesters',
      'never-reached-providers',
      'inclusion',
      'inventory-offers',
      'inventory-organisations',
    ]) {
      const res = await fetch(`${review()}/console/insights.csv?table=${table}&${filters}&lang=fr`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="koppel-${table}-`));
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      // Opens as UTF-8: a strict decoder accepts every byte.
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3));
      const [header, ...rows] = text.trimEnd().split('\r\n');
      expect(header.split(',').length).toBeGreaterThan(1);
      expect(header).not.toMatch(/\d/);
      if (table === 'municipalities') {
        expect(header).toBe('Commune,Région,Demandes,Offres,Manque');
        expect(rows).toEqual(
          lowSummary.municipalities.map(
            (m: { municipality: string; requests: number; offers: number; gap: number }) =>
              `${m.municipality},Luxembourg (BE),${m.requests},${m.offers},${m.gap}`,
          ),
        );
      }
      if (table === 'declines')
        expect(rows.map((r) => r.split(',')[0])).toEqual(lowSummary.outcomes.declines.map((d: { matchId: string }) => d.matchId));
      else if (table.startsWith('never-reached-')) {
        // The same organisations as the summary of the same filters (a table may be empty: who was reached depends on the matcher).
        const side = table === 'never-reached-requesters' ? 'requesters' : 'providers';
        expect(rows.map((r) => r.split(',')[0])).toEqual(
          lowSummary.neverReached[side].map((o: { organisationId: string }) => o.organisationId),
        );
        if (side === 'requesters') expect(header).toBe('Identifiant de l’organisation,Nom,Commune,Région,Identifiants,Titres');
      } else expect(rows.length).toBeGreaterThan(0);
      if (table === 'inventory-offers') {
        // Exactly the active offers this test posted in the broker's half: not the withdrawn one, none of the other half.
        const posted = offers.filter((o) => halfOf(o) === 'low').map((o) => o.id);
        expect(rows.map((r) => r.split(',')[0]).sort()).toEqual([...posted].sort());
        expect(rows.map((r) => r.split(',')[0])).not.toContain(withdrawnOffer.id);
        expect(header.startsWith('Identifiant de l’offre,')).toBe(true);
      }
      if (table === 'inventory-organisations') {
        // Every organisation once; its counts add up to the requests and offers this test posted in the broker's half.
        const ids = rows.map((r) => r.split(',')[0]);
        expect(new Set(ids).size).toBe(ids.length);
        const counts = rows.map((r) => r.split(',').slice(-2).map(Number));
        expect(counts.reduce((sum, [n]) => sum + n, 0)).toBe(requests.filter((r) => halfOf(r) === 'low').length);
        expect(counts.reduce((sum, [, n]) => sum + n, 0)).toBe(offers.filter((o) => halfOf(o) === 'low').length);
      }
      if (table === 'unmatched') {
        expect(header).toBe(
          'Identifiant de la demande,Titre,Commune,Région,Élèves,Âges,Disciplines,Depuis,Offres les plus proches et pourquoi pas',
        );
        const row = rows.find((r) => r.startsWith(`${tooYoung.id},`));
        expect(row).toContain('âges 15–18, élèves 8–9');
      }
    }
    const bad = await fetch(`${review()}/console/insights.csv?table=nothing`, { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect((await fetch(`${review()}/console/insights?region=Antwerpen`, { headers: { cookie } })).status).toBe(403);
    for (const [lang, heading, reason] of [
      ['nl', 'Inzichten: vraag, aanbod en wat ervan kwam', 'leeftijden 15–18, leerlingen 8–9'],
      ['fr', 'Aperçus : demande, offre et suites données', 'âges 15–18, élèves 8–9'],
      ['en', 'Insights: demand, supply and what came of it', 'ages 15–18, pupils 8–9'],
    ]) {
      const page = await fetch(`${review()}/console/insights?${filters}&lang=${lang}`, { headers: { cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toContain(reason);
      expect(html).toContain('role="img" aria-labelledby="heat-map-title heat-map-desc"');
      expect(html).toContain(`<tr data-request-id="${tooYoung.id}">`);
      for (const organisation of [...lowSummary.neverReached.requesters, ...lowSummary.neverReached.providers])
        expect(html).toContain(`<tr data-organisation-id="${organisation.organisationId}">`);
    }
  });

  it('shows the page in Chromium in nl, fr and en without serious or critical axe violations', async () => {
    const session = await fetch(`${review()}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: lowBroker }),
    });
    const [name, value] = session.headers.get('set-cookie')!.split(';')[0].split('=');
    const shots = resolve(__dirname, '../../.run/test/screenshots');
    mkdirSync(shots, { recursive: true });
    const { userDataDir, options } = chromiumLaunch();
    const browser = await chromium.launchPersistentContext(userDataDir, { ...options, viewport: { width: 1280, height: 900 } });
    try {
      await browser.addCookies([{ name, value, url: review() }]);
      const page = browser.pages()[0] ?? (await browser.newPage());
      for (const lang of ['nl', 'fr', 'en']) {
        await page.goto(`${review()}/console/insights?region=${encodeURIComponent(REGION)}&${period}&lang=${lang}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await page.isVisible('svg.heat-map')).toBe(true);
        const violations = describeViolations(await seriousAxeViolations(page));
        expect({ lang, violations }).toEqual({ lang, violations: '' });
        await page.screenshot({ path: join(shots, `console-insights-${lang}.png`), fullPage: true });
      }
    } finally {
      await browser.close();
    }
  }, 300_000);
});

/** JSON.stringify of Maps as sorted entries, to compare figures. */
function mapReplacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? [...value.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))) : value;
}
