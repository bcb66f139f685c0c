import { AGE_BAND_IDS, bandsOf } from '../src/app/insights/age-bands';
import {
  funnel,
  inclusionFigures,
  insightsSummary,
  median,
  municipalityGaps,
  neverReached,
  offersInScope,
  outcomes,
  type ProposalOutcome,
  requestCounts,
  requestersInScope,
  requestsInScope,
  supplyDemand,
  unmatchedRequests,
} from '../src/app/insights/figures';
import { inPeriod, periodOf, startOfDay } from '../src/app/insights/period';
import { inInsightsScope, insightRegionsFor, mayAskInsightsOf } from '../src/app/insights/scope';
import type { InsightMiss, InsightOffer, InsightOrganisation, InsightRequest } from '../src/store/insights';

const admin = { role: 'admin' as const };
/** A broker of Kortrijk and around (BE 8500–8599): part of West Flanders. */
const kortrijk = { role: 'broker' as const, regions: [{ country: 'BE' as const, postcodeFrom: 8500, postcodeTo: 8599 }] };

function request(id: string, over: Partial<InsightRequest> = {}): InsightRequest {
  return {
    id,
    schoolId: `sch-${id}`,
    title: `Aanvraag ${id}`,
    municipality: 'Kortrijk',
    postcode: '8500',
    country: 'BE',
    postcodeNumber: 8500,
    region: 'West-Vlaanderen',
    disciplines: ['theatre'],
    ageMin: 9,
    ageMax: 10,
    pupils: 24,
    createdAt: new Date('2026-03-10T09:00:00Z'),
    ...over,
  };
}

function offer(id: string, over: Partial<InsightOffer> = {}): InsightOffer {
  return {
    id,
    providerId: `prov-${id}`,
    title: `Aanbod ${id}`,
    municipality: 'Kortrijk',
    postcode: '8500',
    country: 'BE',
    postcodeNumber: 8500,
    region: 'West-Vlaanderen',
    disciplines: ['theatre'],
    ageMin: 6,
    ageMax: 12,
    pricePerPupil: 5,
    mode: 'both',
    inclusion: {},
    createdAt: new Date('2026-01-05T09:00:00Z'),
    ...over,
  };
}

describe('insights: age bands', () => {
  it('puts a range in every band it overlaps, both ends included', () => {
    expect(bandsOf(8, 10)).toEqual(['6-8', '9-11']);
    expect(bandsOf(9, 11)).toEqual(['9-11']);
    expect(bandsOf(5, 6)).toEqual(['0-5', '6-8']);
    expect(bandsOf(17, 40)).toEqual(['15-17', '18+']);
    expect(bandsOf(0, 120)).toEqual(AGE_BAND_IDS);
    expect(bandsOf(12, 11)).toEqual([]);
  });
});

describe('insights: periods in Brussels days', () => {
  it('starts a day at midnight in Brussels, winter and summer time alike', () => {
    expect(startOfDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // The day summer time starts (29 March 2026): midnight is still winter time.
    expect(startOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('includes the whole of the last day, and takes instants as they are', () => {
    const march = periodOf('2026-03-01', '2026-03-31');
    expect(march.from?.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(march.until?.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(inPeriod(new Date('2026-03-31T21:59:59Z'), march)).toBe(true);
    expect(inPeriod(new Date('2026-03-31T22:00:00Z'), march)).toBe(false);
    expect(inPeriod(new Date('2026-02-28T22:59:59Z'), march)).toBe(false);
    const exact = periodOf('2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z');
    expect(inPeriod(new Date('2026-03-10T09:00:00Z'), exact)).toBe(true);
    expect(inPeriod(new Date('2026-03-10T10:00:00Z'), exact)).toBe(true);
    expect(inPeriod(new Date('2026-03-10T10:00:00.001Z'), exact)).toBe(false);
    expect(periodOf(undefined, undefined)).toEqual({});
  });
});

describe('insights: scope', () => {
  it('lets an admin ask any region, a broker the provinces its ranges reach into', () => {
    expect(mayAskInsightsOf(admin, 'Onbekend')).toBe(true);
    expect(insightRegionsFor(kortrijk)).toEqual(['West-Vlaanderen']);
    expect(mayAskInsightsOf(kortrijk, 'West-Vlaanderen')).toBe(true);
    expect(mayAskInsightsOf(kortrijk, 'Oost-Vlaanderen')).toBe(false);
    expect(mayAskInsightsOf({ role: 'broker', regions: [] }, 'West-Vlaanderen')).toBe(false);
    // A range across a border reaches both provinces; a Dutch range never a Belgian province of the same digits.
    const border = { role: 'broker' as const, regions: [{ country: 'BE' as const, postcodeFrom: 8900, postcodeTo: 9100 }] };
    expect(insightRegionsFor(border)).toEqual(['Oost-Vlaanderen', 'West-Vlaanderen']);
    const utrecht = { role: 'broker' as const, regions: [{ country: 'NL' as const, postcodeFrom: 3500, postcodeTo: 3599 }] };
    expect(insightRegionsFor(utrecht)).toEqual(['Utrecht']);
  });

  it('counts for a broker only what lies within its ranges, also inside a province it reaches', () => {
    const brugge = { country: 'BE', postcode: '8000', region: 'West-Vlaanderen' };
    const kortrijkPlace = { country: 'BE', postcode: '8500', region: 'West-Vlaanderen' };
    expect(inInsightsScope(kortrijk, 'West-Vlaanderen', kortrijkPlace)).toBe(true);
    expect(inInsightsScope(kortrijk, 'West-Vlaanderen', brugge)).toBe(false);
    expect(inInsightsScope(kortrijk, undefined, brugge)).toBe(false);
    expect(inInsightsScope(admin, 'West-Vlaanderen', brugge)).toBe(true);
    expect(inInsightsScope(admin, 'Oost-Vlaanderen', brugge)).toBe(false);
    expect(inInsightsScope(kortrijk, undefined, { country: 'NL', postcode: '8500 AB', region: 'Friesland' })).toBe(false);
  });
});

describe('insights: figures over hand-made data', () => {
  const requests = [
    request('r1'), // proposed, approved, confirmed
    request('r2', { disciplines: ['music', 'theatre'], ageMin: 8, ageMax: 10 }), // two proposals: rejected and waiting
    request('r3', { ageMin: 15, ageMax: 18, disciplines: ['circus'] }), // nothing proposed, a miss
    request('r4', { createdAt: new Date('2026-03-01T08:00:00Z'), disciplines: [] }), // nothing proposed, no miss
    request('r5', { postcode: '8000', postcodeNumber: 8000, municipality: 'Brugge' }), // outside the Kortrijk broker
    request('r6', { postcode: '9000', postcodeNumber: 9000, region: 'Oost-Vlaanderen', municipality: 'Gent' }),
    request('r7', { createdAt: new Date('2025-12-01T10:00:00Z') }), // before the period
    request('r8', { schoolId: 'gone' }), // of a withdrawn organisation
  ];
  const offers = [
    offer('o1'),
    offer('o2', { disciplines: ['circus'], ageMin: 6, ageMax: 8, pricePerPupil: 0, inclusion: { wheelchairAccess: true } }),
    offer('o3', { inclusion: { freeOrSocialTariff: true, newcomerClasses: true } }),
    offer('o4', { postcode: '8000', postcodeNumber: 8000 }), // outside the Kortrijk broker
    offer('o5', { createdAt: new Date('2026-04-02T10:00:00Z') }), // published after the period
    offer('o6', { providerId: 'gone' }),
  ];
  const proposals: ProposalOutcome[] = [
    { requestId: 'r1', status: 'confirmed' },
    { requestId: 'r2', status: 'rejected' },
    { requestId: 'r2', status: 'proposed' },
    { requestId: 'r5', status: 'approved' },
    { requestId: 'r6', status: 'declined' },
    { requestId: 'r7', status: 'approved' },
    { requestId: 'unknown', status: 'approved' },
  ];
  const misses: InsightMiss[] = [
    { requestId: 'r3', proposals: 0, wanted: 3, missedAt: new Date('2026-03-10T09:00:01Z'), nearMisses: [] },
    {
      requestId: 'r3',
      proposals: 0,
      wanted: 3,
      missedAt: new Date('2026-03-11T09:00:00Z'),
      nearMisses: [
        {
          offerId: 'o2',
          textMatch: 0.9,
          score: null,
          reasons: [
            { constraint: 'ages', offerAges: [6, 8], pupilAges: [15, 18] },
            { constraint: 'price', pricePerPupil: 12, budgetPerPupil: 8, ceilingPerPupil: 9.6 },
          ],
        },
        { offerId: 'elsewhere', textMatch: 0.5, score: 0.3, reasons: [{ constraint: 'score', score: 0.3, minScore: 0.5 }] },
      ],
    },
  ];
  const input = {
    requests,
    offers,
    proposals,
    misses,
    offerTitles: new Map([['o2', 'Circus']]),
    withdrawnOrganisations: new Set(['gone']),
    proposedOffers: new Set(['o1', 'o4']),
  };
  const march = { ...periodOf('2026-03-01', '2026-03-31') };

  it('selects requests by region, scope, period and organisation', () => {
    const ids = (rs: InsightRequest[]) => rs.map((r) => r.id).sort();
    expect(ids(requestsInScope(input, { user: admin }))).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(ids(requestsInScope(input, { user: admin, region: 'West-Vlaanderen', ...march }))).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(ids(requestsInScope(input, { user: kortrijk, ...march }))).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(ids(requestsInScope(input, { user: kortrijk, region: 'Oost-Vlaanderen' }))).toEqual([]);
  });

  it('counts offers active in scope, published before the period ends', () => {
    const ids = (os: InsightOffer[]) => os.map((o) => o.id).sort();
    expect(ids(offersInScope(input, { user: admin }))).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
    expect(ids(offersInScope(input, { user: kortrijk, ...march }))).toEqual(['o1', 'o2', 'o3']);
  });

  it('counts requests with and without a proposal, whatever became of it', () => {
    const rs = requestsInScope(input, { user: kortrijk, ...march });
    expect(requestCounts(rs, proposals)).toEqual({ total: 4, withProposal: 2, withoutProposal: 2 });
    expect(requestCounts([], proposals)).toEqual({ total: 0, withProposal: 0, withoutProposal: 0 });
  });

  it('lists requests without a proposal, oldest first, with the reasons of their latest miss', () => {
    const rs = requestsInScope(input, { user: kortrijk, ...march });
    const unmatched = unmatchedRequests(rs, proposals, misses, input.offerTitles);
    expect(unmatched.map((u) => u.requestId)).toEqual(['r4', 'r3']);
    expect(unmatched[0]).toMatchObject({ missedAt: null, reasons: [] });
    expect(unmatched[1].missedAt).toEqual(new Date('2026-03-11T09:00:00Z'));
    expect(unmatched[1].reasons).toEqual([
      { offerId: 'o2', offerTitle: 'Circus', constraint: 'ages', offerAges: [6, 8], pupilAges: [15, 18] },
      { offerId: 'o2', offerTitle: 'Circus', constraint: 'price', pricePerPupil: 12, budgetPerPupil: 8, ceilingPerPupil: 9.6 },
      { offerId: 'elsewhere', offerTitle: null, constraint: 'score', score: 0.3, minScore: 0.5 },
    ]);
  });

  it('fills the whole discipline × age band grid, a listing in every band and discipline it has', () => {
    const rs = requestsInScope(input, { user: kortrijk, ...march });
    const os = offersInScope(input, { user: kortrijk, ...march });
    const grid = supplyDemand(rs, os);
    expect(grid).toHaveLength(11 * 6);
    const at = (discipline: string, ageBand: string) => grid.find((c) => c.discipline === discipline && c.ageBand === ageBand);
    // r1 (9–10), r2 (8–10), r4 (no discipline: left out); o1 and o3 (6–12) in 6-8, 9-11 and 12-14.
    expect(at('theatre', '9-11')).toEqual({ discipline: 'theatre', ageBand: '9-11', requests: 2, offers: 2 });
    expect(at('theatre', '6-8')).toEqual({ discipline: 'theatre', ageBand: '6-8', requests: 1, offers: 2 });
    expect(at('theatre', '12-14')).toEqual({ discipline: 'theatre', ageBand: '12-14', requests: 0, offers: 2 });
    expect(at('music', '6-8')).toEqual({ discipline: 'music', ageBand: '6-8', requests: 1, offers: 0 });
    expect(at('circus', '15-17')).toEqual({ discipline: 'circus', ageBand: '15-17', requests: 1, offers: 0 });
    expect(at('circus', '18+')).toEqual({ discipline: 'circus', ageBand: '18+', requests: 1, offers: 0 });
    expect(at('circus', '6-8')).toEqual({ discipline: 'circus', ageBand: '6-8', requests: 0, offers: 1 });
    expect(grid.reduce((n, c) => n + c.requests, 0)).toBe(1 + 4 + 2);
    expect(grid.reduce((n, c) => n + c.offers, 0)).toBe(3 + 3 + 1);
    // A discipline newer data brings gets its own rows after the contract's.
    const newer = supplyDemand([request('x', { disciplines: ['puppetry'] })], []);
    expect(newer.slice(-6).map((c) => [c.discipline, c.ageBand, c.requests])).toEqual(
      AGE_BAND_IDS.map((b) => ['puppetry', b, b === '9-11' ? 1 : 0]),
    );
  });

  it('follows the proposals of the requests counted through the funnel', () => {
    const rs = requestsInScope(input, { user: admin, region: 'West-Vlaanderen', ...march });
    expect(funnel(rs, proposals)).toEqual({ proposed: 4, approved: 2, confirmed: 1, declined: 0, rejected: 1, withdrawn: 0, waiting: 1 });
    const all = requestsInScope(input, { user: admin });
    expect(funnel(all, proposals)).toEqual({ proposed: 6, approved: 4, confirmed: 1, declined: 1, rejected: 1, withdrawn: 0, waiting: 1 });
  });

  it('lists the requesters without an approved or confirmed match and the providers never proposed, by name', () => {
    const rs = [
      request('a2', { schoolId: 's-a', schoolName: 'Zonnebloem' }),
      request('a1', { schoolId: 's-a', schoolName: 'Zonnebloem', createdAt: new Date('2026-03-02T09:00:00Z') }),
      request('b1', { schoolId: 's-b', schoolName: 'atheneum', municipality: 'Menen' }),
      request('c1', { schoolId: 's-c', schoolName: 'Klimop' }),
      request('d1', { schoolId: 's-d', schoolName: 'De Linde' }),
      request('d2', { schoolId: 's-d', schoolName: 'De Linde' }),
      request('e1', { schoolId: 's-e' }),
    ];
    const outcomes: ProposalOutcome[] = [
      { requestId: 'a1', status: 'declined' }, // called off: not reached
      { requestId: 'a2', status: 'proposed' },
      { requestId: 'b1', status: 'rejected' },
      { requestId: 'b1', status: 'withdrawn' },
      { requestId: 'c1', status: 'approved' },
      { requestId: 'd2', status: 'confirmed' }, // one request reached: the school is
    ];
    const os = [
      offer('o1', { providerId: 'p-x', providerName: 'Theater X' }),
      offer('o2', { providerId: 'p-x', providerName: 'Theater X' }),
      offer('o3', { providerId: 'p-y', providerName: 'Bos', municipality: 'Harelbeke' }),
      offer('o4', { providerId: 'p-z' }),
      offer('o5', { providerId: 'p-y', providerName: 'Bos', createdAt: new Date('2025-09-01T09:00:00Z'), title: 'Oud' }),
    ];
    const never = neverReached(rs, os, outcomes, new Set(['o2', 'elsewhere']));
    expect(never.requesters).toEqual([
      {
        organisationId: 's-b',
        name: 'atheneum',
        municipality: 'Menen',
        region: 'West-Vlaanderen',
        requests: [{ requestId: 'b1', title: 'Aanvraag b1' }],
      },
      {
        organisationId: 's-a',
        name: 'Zonnebloem',
        municipality: 'Kortrijk',
        region: 'West-Vlaanderen',
        requests: [
          { requestId: 'a1', title: 'Aanvraag a1' },
          { requestId: 'a2', title: 'Aanvraag a2' },
        ],
      },
      {
        organisationId: 's-e',
        name: null,
        municipality: 'Kortrijk',
        region: 'West-Vlaanderen',
        requests: [{ requestId: 'e1', title: 'Aanvraag e1' }],
      },
    ]);
    // The oldest offer gives the place; p-x had one offer proposed, so it was reached.
    expect(never.providers).toEqual([
      {
        organisationId: 'p-y',
        name: 'Bos',
        municipality: 'Kortrijk',
        region: 'West-Vlaanderen',
        offers: [
          { offerId: 'o5', title: 'Oud' },
          { offerId: 'o3', title: 'Aanbod o3' },
        ],
      },
      {
        organisationId: 'p-z',
        name: null,
        municipality: 'Kortrijk',
        region: 'West-Vlaanderen',
        offers: [{ offerId: 'o4', title: 'Aanbod o4' }],
      },
    ]);
    expect(neverReached([], [], outcomes)).toEqual({ requesters: [], providers: [] });
    // Without knowing of any proposed offer, every provider counts as never proposed.
    expect(neverReached([], os, []).providers.map((p) => p.organisationId)).toEqual(['p-y', 'p-x', 'p-z']);
  });

  it('lists the declines with their reasons and the median times from request to approval and to confirmation', () => {
    const t = (day: number, hour = 9) => new Date(Date.UTC(2026, 2, day, hour));
    const rs = [
      request('q1', { createdAt: t(1) }),
      request('q2', { createdAt: t(2) }),
      request('q3', { createdAt: t(3) }),
      request('q4', { createdAt: t(4) }),
    ];
    const outcomeRows: ProposalOutcome[] = [
      // q1: approved after 1 day (and again later: the first counts), confirmed after 3 days.
      { requestId: 'q1', status: 'confirmed', matchId: 'q1::a', offerId: 'a', decidedAt: t(2), confirmedAt: t(4) },
      { requestId: 'q1', status: 'approved', matchId: 'q1::b', offerId: 'b', decidedAt: t(3) },
      // q2: approved after 2 days, then called off by both sides, the school with a reason.
      {
        requestId: 'q2',
        status: 'declined',
        matchId: 'q2::c',
        offerId: 'c',
        offerTitle: 'Circus',
        decidedAt: t(4),
        declinedAt: t(5),
        answers: {
          school: { answer: 'not_interested', reason: 'Te duur', answeredAt: t(5) },
          provider: { answer: 'not_interested', answeredAt: t(5) },
        },
      },
      // q3: approved after 6 hours, then called off by the provider.
      {
        requestId: 'q3',
        status: 'declined',
        matchId: 'q3::d',
        offerId: 'd',
        decidedAt: t(3, 15),
        declinedAt: t(6),
        answers: {
          school: { answer: 'interested', answeredAt: t(5) },
          provider: { answer: 'not_interested', reason: 'Volzet', answeredAt: t(6) },
        },
      },
      // A rejection is a decision, not an approval; a request not counted is left out.
      { requestId: 'q4', status: 'rejected', matchId: 'q4::e', offerId: 'e', decidedAt: t(4, 10) },
      { requestId: 'other', status: 'declined', matchId: 'other::f', offerId: 'f', decidedAt: t(1), declinedAt: t(9) },
    ];
    const result = outcomes(rs, outcomeRows);
    expect(result.declines).toEqual([
      {
        matchId: 'q3::d',
        requestId: 'q3',
        requestTitle: 'Aanvraag q3',
        offerId: 'd',
        offerTitle: null,
        declinedAt: t(6),
        answers: [{ side: 'provider', reason: 'Volzet' }],
      },
      {
        matchId: 'q2::c',
        requestId: 'q2',
        requestTitle: 'Aanvraag q2',
        offerId: 'c',
        offerTitle: 'Circus',
        declinedAt: t(5),
        answers: [
          { side: 'school', reason: 'Te duur' },
          { side: 'provider', reason: null },
        ],
      },
    ]);
    // Approval: 1 day, 2 days, 6 hours: the median is 1 day. Confirmation: q1 only, 3 days.
    expect(result.toApproval).toEqual({ requests: 3, medianSeconds: 86_400 });
    expect(result.toConfirmation).toEqual({ requests: 1, medianSeconds: 3 * 86_400 });
    expect(outcomes(rs, [])).toEqual({
      declines: [],
      toApproval: { requests: 0, medianSeconds: null },
      toConfirmation: { requests: 0, medianSeconds: null },
    });
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('counts requests and offers per municipality, largest gap first', () => {
    const rs = [
      request('k1'),
      request('k2'),
      request('m1', { municipality: 'Menen' }),
      request('m2', { municipality: 'Menen' }),
      request('w1', { municipality: 'Wevelgem' }),
      request('g1', { municipality: 'Gent', region: 'Oost-Vlaanderen' }),
    ];
    const os = [
      offer('ok1'),
      offer('ow1', { municipality: 'Wevelgem' }),
      offer('ow2', { municipality: 'Wevelgem' }),
      offer('oa1', { municipality: 'Anzegem' }),
      offer('oz1', { municipality: 'Zwevegem' }),
      offer('og1', { municipality: 'Gent', region: 'Oost-Vlaanderen' }),
    ];
    expect(municipalityGaps(rs, os)).toEqual([
      { municipality: 'Menen', region: 'West-Vlaanderen', requests: 2, offers: 0, gap: 2 },
      { municipality: 'Kortrijk', region: 'West-Vlaanderen', requests: 2, offers: 1, gap: 1 },
      { municipality: 'Gent', region: 'Oost-Vlaanderen', requests: 1, offers: 1, gap: 0 },
      // Equal gaps: most requests first.
      { municipality: 'Wevelgem', region: 'West-Vlaanderen', requests: 1, offers: 2, gap: -1 },
      // …then by name.
      { municipality: 'Anzegem', region: 'West-Vlaanderen', requests: 0, offers: 1, gap: -1 },
      { municipality: 'Zwevegem', region: 'West-Vlaanderen', requests: 0, offers: 1, gap: -1 },
    ]);
    expect(municipalityGaps([], [])).toEqual([]);
    // In the summary: the requests and offers counted only (the Kortrijk broker in March: r1–r4 and o1–o3, all in Kortrijk).
    expect(insightsSummary(input, { user: kortrijk, ...march }).municipalities).toEqual([
      { municipality: 'Kortrijk', region: 'West-Vlaanderen', requests: 4, offers: 3, gap: 1 },
    ]);
  });

  it('gives the share of free and inclusive offers, free also when priced 0', () => {
    const os = offersInScope(input, { user: kortrijk, ...march });
    expect(inclusionFigures(os)).toEqual({
      activeOffers: 3,
      counts: { freeOrSocialTariff: 2, newcomerClasses: 1, specialNeeds: 0, wheelchairAccess: 1, languageSupport: 0, anyAttribute: 2 },
      shares: {
        freeOrSocialTariff: 0.6667,
        newcomerClasses: 0.3333,
        specialNeeds: 0,
        wheelchairAccess: 0.3333,
        languageSupport: 0,
        anyAttribute: 0.6667,
      },
    });
    expect(inclusionFigures([]).shares.anyAttribute).toBe(0);
  });

  it('puts every figure together for a filter', () => {
    const summary = insightsSummary(input, { user: kortrijk, region: 'West-Vlaanderen', ...march });
    expect(summary.requests).toEqual({ total: 4, withProposal: 2, withoutProposal: 2 });
    expect(summary.offers).toEqual({ active: 3 });
    expect(summary.unmatched.map((u) => u.requestId)).toEqual(['r4', 'r3']);
    expect(summary.funnel.proposed).toBe(3);
    expect(summary.inclusion.activeOffers).toBe(3);
    // r1 is confirmed; r2 (rejected, waiting), r3 and r4 are not. o1 was proposed.
    expect(summary.neverReached.requesters.map((r) => r.organisationId)).toEqual(['sch-r2', 'sch-r3', 'sch-r4']);
    expect(summary.neverReached.providers.map((p) => p.organisationId)).toEqual(['prov-o2', 'prov-o3']);
    const nothing = insightsSummary(input, { user: { role: 'broker', regions: [] } });
    expect(nothing.requests.total + nothing.offers.active + nothing.funnel.proposed).toBe(0);
  });

  it('counts registered requesters that asked nothing as never reached, in scope, joined before the period ended', () => {
    const organisation = (id: string, over: Partial<InsightOrganisation> = {}): InsightOrganisation => ({
      id,
      role: 'requester',
      type: 'school',
      name: `School ${id}`,
      municipality: 'Kortrijk',
      postcode: '8500',
      country: 'BE',
      region: 'West-Vlaanderen',
      createdAt: new Date('2026-01-10T09:00:00Z'),
      ...over,
    });
    const march = periodOf('2026-03-01', '2026-03-31');
    const requesters = [
      organisation('sch-r1'), // asked (r1 was confirmed): reached
      organisation('sch-r2'), // asked, not reached: listed once, with its request
      organisation('bso-quiet', { type: 'after_school_care', name: 'BSO Stil' }),
      organisation('later', { createdAt: new Date('2026-04-02T09:00:00Z') }), // joined after the period
      organisation('gent', { municipality: 'Gent', postcode: '9000', region: 'Oost-Vlaanderen' }), // outside the broker's ranges
      organisation('gone'),
    ];
    const withRegistered = { ...input, requesters, withdrawnOrganisations: new Set(['gone']) };
    expect(requestersInScope(withRegistered, { user: kortrijk, ...march }).map((o) => o.id)).toEqual(['sch-r1', 'sch-r2', 'bso-quiet']);
    const summary = insightsSummary(withRegistered, { user: kortrijk, region: 'West-Vlaanderen', ...march });
    expect(summary.neverReached.requesters.map((r) => [r.organisationId, r.requests.length])).toEqual([
      ['bso-quiet', 0],
      ['sch-r2', 1],
      ['sch-r3', 1],
      ['sch-r4', 1],
    ]);
    expect(summary.neverReached.requesters[0]).toEqual({
      organisationId: 'bso-quiet',
      name: 'BSO Stil',
      municipality: 'Kortrijk',
      region: 'West-Vlaanderen',
      requests: [],
    });
  });
});
