import { AGE_BAND_IDS, bandsOf } from '../src/app/insights/age-bands';
import {
  funnel,
  inclusionFigures,
  insightsSummary,
  offersInScope,
  type ProposalOutcome,
  requestCounts,
  requestsInScope,
  supplyDemand,
  unmatchedRequests,
} from '../src/app/insights/figures';
import { inPeriod, periodOf, startOfDay } from '../src/app/insights/period';
import { inInsightsScope, insightRegionsFor, mayAskInsightsOf } from '../src/app/insights/scope';
import type { InsightMiss, InsightOffer, InsightRequest } from '../src/store/insights';

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
    const nothing = insightsSummary(input, { user: { role: 'broker', regions: [] } });
    expect(nothing.requests.total + nothing.offers.active + nothing.funnel.proposed).toBe(0);
  });
});
