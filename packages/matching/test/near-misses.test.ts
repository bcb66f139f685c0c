import { MatchingEngine } from '../src';
import { GENT, makeOffer, makeRequest } from './fixtures';

/**
 * Issue #14: a request that got nothing says why. The near misses are the offers whose
 * texts fit best, each with the constraint that kept it out, as facts a broker can act on.
 */
describe('near misses', () => {
  const request = makeRequest({
    id: 'r-miss',
    title: 'Workshop schilderen voor het vierde leerjaar',
    description: 'We zoeken een workshop schilderen met gouache.',
    pupils: { ageMin: 9, ageMax: 10 },
    budgetPerPupil: 6,
    maxTravelKm: 15,
  });

  function engineWith(...offers: ReturnType<typeof makeOffer>[]) {
    const engine = new MatchingEngine();
    for (const offer of offers) engine.upsertOffer(offer);
    return engine;
  }

  it('names the ages, the distance and the price that kept a fitting offer out', () => {
    const engine = engineWith(
      makeOffer({ id: 'too-old', audience: { ageMin: 14, ageMax: 18 } }),
      makeOffer({
        id: 'too-far',
        location: { ...GENT, municipality: 'Gent', postcode: '9000' },
        reach: { mode: 'on_site', maxTravelKm: 0 },
      }),
      makeOffer({ id: 'too-dear', pricePerPupil: 20 }),
    );
    expect(engine.matchRequest(request, { minScore: 0.35 })).toEqual([]);
    const misses = engine.nearMisses(request, { minScore: 0.35 });
    const byId = new Map(misses.map((m) => [m.offerId, m.reasons]));
    expect(byId.get('too-old')).toEqual([{ constraint: 'ages', offerAges: [14, 18], pupilAges: [9, 10] }]);
    expect(byId.get('too-far')).toEqual([
      expect.objectContaining({ constraint: 'distance', mode: 'on_site', schoolTravelKm: 15, providerTravelKm: 0 }),
    ]);
    expect((byId.get('too-far')![0] as { distanceKm: number }).distanceKm).toBeGreaterThan(40);
    expect(byId.get('too-dear')).toEqual([{ constraint: 'price', pricePerPupil: 20, budgetPerPupil: 6, ceilingPerPupil: 9 }]);
  });

  it('gives a feasible offer below the threshold its score, and leaves matches and proposed offers out', () => {
    const engine = engineWith(makeOffer({ id: 'fits' }), makeOffer({ id: 'weak', title: 'Schilderen', description: 'Schilderen.' }));
    const matches = engine.matchRequest(request, { minScore: 0 });
    const fits = matches.find((m) => m.offerId === 'fits')!;
    const weak = matches.find((m) => m.offerId === 'weak')!;
    // A threshold between the two scores: 'weak' misses on its score, 'fits' is a match.
    const minScore = (fits.score + weak.score) / 2;
    const misses = engine.nearMisses(request, { minScore });
    expect(misses.map((m) => m.offerId)).toEqual(['weak']);
    expect(misses[0].reasons).toEqual([{ constraint: 'score', score: misses[0].score, minScore }]);
    expect(misses[0].score).toBeCloseTo(weak.score, 2);
    expect(engine.nearMisses(request, { minScore: 1, proposed: new Set(['fits', 'weak']) })).toEqual([]);
  });

  it('ranks fewer failed constraints first and stops at the limit; an offer about something else is no miss', () => {
    const engine = engineWith(
      makeOffer({ id: 'two-wrong', audience: { ageMin: 14, ageMax: 18 }, pricePerPupil: 30 }),
      makeOffer({ id: 'one-wrong', audience: { ageMin: 14, ageMax: 18 } }),
      makeOffer({
        id: 'other-topic',
        title: 'Rondleiding kasteel',
        description: 'Een bezoek aan de middeleeuwse burcht.',
        audience: { ageMin: 14, ageMax: 18 },
      }),
    );
    const misses = engine.nearMisses(request, { minScore: 0.35, limit: 5 });
    expect(misses.map((m) => m.offerId)).toEqual(['one-wrong', 'two-wrong']);
    expect(engine.nearMisses(request, { minScore: 0.35, limit: 1 }).map((m) => m.offerId)).toEqual(['one-wrong']);
  });
});
