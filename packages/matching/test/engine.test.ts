import { describeExplanation, MatchingEngine } from '../src';
import { GENT, KORTRIJK, makeOffer, makeRequest, pointNorthOf } from './fixtures';

function engineWith(...offers: ReturnType<typeof makeOffer>[]): MatchingEngine {
  const engine = new MatchingEngine();
  for (const o of offers) engine.upsertOffer(o);
  return engine;
}

const graffiti = makeOffer({
  id: 'graffiti',
  title: 'Graffiti-initiatie',
  description: 'Lettering met spuitbussen aan de legale muur.',
  audience: { ageMin: 12, ageMax: 18 },
});
const sculpture = makeOffer({
  id: 'sculpture',
  title: 'Beeldhouwen in speksteen',
  description: 'Elke leerling maakt een klein beeld.',
  audience: { ageMin: 12, ageMax: 18 },
});
const streetArtRequest = makeRequest({
  title: 'Street art met het 2de jaar',
  description: 'Een workshop graffiti of een muurschildering.',
  pupils: { ageMin: 13, ageMax: 14 },
});

describe('MatchingEngine.matchRequest', () => {
  it('ranks the named technique above another one of the same discipline', () => {
    const matches = engineWith(sculpture, graffiti).matchRequest(streetArtRequest);
    expect(matches.map((m) => m.offerId)).toEqual(['graffiti', 'sculpture']);
    expect(matches[0].score).toBeGreaterThan(matches[1].score);
  });

  it('puts the offer a school asked for first whatever its score, when it fits the hard constraints', () => {
    const engine = engineWith(sculpture, graffiti);
    expect(engine.matchRequest(streetArtRequest, { top: 1 }).map((m) => m.offerId)).toEqual(['graffiti']);
    const asked = engine.matchRequest({ ...streetArtRequest, askedForOfferId: 'sculpture' }, { top: 2 });
    expect(asked.map((m) => m.offerId)).toEqual(['sculpture', 'graffiti']);
    // Only top - 1 others beside it; and below minScore it still comes.
    expect(engine.matchRequest({ ...streetArtRequest, askedForOfferId: 'sculpture' }, { top: 1 }).map((m) => m.offerId)).toEqual([
      'sculpture',
    ]);
    expect(
      engine.matchRequest({ ...streetArtRequest, askedForOfferId: 'sculpture' }, { top: 3, minScore: 1.01 }).map((m) => m.offerId),
    ).toEqual(['sculpture']);
    // An asked-for offer that fails the ages is left out like any other.
    const young = makeOffer({ id: 'young', audience: { ageMin: 6, ageMax: 8 } });
    expect(engineWith(young).matchRequest({ ...streetArtRequest, askedForOfferId: 'young' })).toEqual([]);
  });

  it('never returns an offer failing a hard constraint', () => {
    const tooYoung = makeOffer({ id: 'young', audience: { ageMin: 6, ageMax: 8 } });
    const tooFar = makeOffer({ id: 'far', location: GENT });
    const tooDear = makeOffer({ id: 'dear', pricePerPupil: 15.5 });
    const ok = makeOffer({ id: 'ok' });
    const ids = engineWith(tooYoung, tooFar, tooDear, ok)
      .matchRequest(makeRequest({ maxTravelKm: 20, budgetPerPupil: 10 }))
      .map((m) => m.offerId);
    expect(ids).toEqual(['ok']);
  });

  it('ranks an over-budget offer below an equal one within budget', () => {
    const cheap = makeOffer({ id: 'cheap', pricePerPupil: 10 });
    const dear = makeOffer({ id: 'dear', pricePerPupil: 12 });
    expect(
      engineWith(dear, cheap)
        .matchRequest(makeRequest({ budgetPerPupil: 10 }))
        .map((m) => m.offerId),
    ).toEqual(['cheap', 'dear']);
  });

  it('prefers the nearer of two equal offers', () => {
    const near = makeOffer({ id: 'near', location: pointNorthOf(KORTRIJK, 2) });
    const far = makeOffer({ id: 'far', location: pointNorthOf(KORTRIJK, 18) });
    expect(
      engineWith(far, near)
        .matchRequest(makeRequest())
        .map((m) => m.offerId),
    ).toEqual(['near', 'far']);
  });

  it('prefers a talk-based activity in the language the class asks for', () => {
    const nl = makeOffer({
      id: 'nl',
      title: 'Rondleiding middeleeuwen',
      description: 'Een gids vertelt over ridders.',
      format: 'visit',
      disciplines: ['heritage'],
      language: 'nl',
    });
    const fr = makeOffer({
      id: 'fr',
      title: 'Visite guidée : le Moyen Âge',
      description: 'Un guide raconte les chevaliers.',
      format: 'visit',
      disciplines: ['heritage'],
      language: 'fr',
    });
    const request = makeRequest({
      title: 'Sortie Moyen Âge',
      description: 'Une visite en français sur les chevaliers.',
      language: 'fr',
      disciplines: ['heritage'],
    });
    expect(engineWith(nl, fr).matchRequest(request)[0].offerId).toBe('fr');
  });

  it('infers disciplines from the text when the request lists none', () => {
    const dance = makeOffer({
      id: 'dance',
      title: 'Hiphop in de klas',
      description: 'Breakdance en choreografie.',
      disciplines: ['dance'],
    });
    const match = engineWith(dance).matchRequest(
      makeRequest({ disciplines: [], title: 'Dansworkshop', description: 'Iets met hiphop.' }),
    )[0];
    expect(match.explanation.requestDisciplines).toContain('dance');
    expect(match.explanation.signals.discipline).toBe(1);
  });

  it('honours top and minScore', () => {
    const engine = engineWith(graffiti, sculpture, makeOffer({ id: 'x', audience: { ageMin: 12, ageMax: 18 } }));
    expect(engine.matchRequest(streetArtRequest, { top: 1 })).toHaveLength(1);
    const all = engine.matchRequest(streetArtRequest);
    expect(engine.matchRequest(streetArtRequest, { minScore: all[0].score }).map((m) => m.offerId)).toEqual([all[0].offerId]);
  });
});

describe('explanations', () => {
  const [match] = engineWith(graffiti).matchRequest(streetArtRequest);
  const e = match.explanation;

  it('carries each signal, the weights, distance, reach and age overlap', () => {
    for (const key of ['age', 'discipline', 'distance', 'budget', 'format', 'text'] as const) {
      expect(e.signals[key]).toBeGreaterThanOrEqual(0);
      expect(e.signals[key]).toBeLessThanOrEqual(1);
      expect(e.weights[key]).toBeGreaterThan(0);
    }
    expect(e.distanceKm).toBe(0);
    expect(e.reachedBy).toBe('on_site');
    expect(e.ageOverlap).toEqual({ from: 13, to: 14, coverage: 1 });
    expect(e.overBudget).toBe(false);
    expect(e).toMatchObject({ requestLanguage: 'nl', offerLanguage: 'nl' });
  });

  it('names matched words (readable) and themes', () => {
    expect(e.matchedTerms).toContain('graffiti');
    expect(e.matchedThemes).toContain('street_art');
  });

  it('reads as a sentence in Dutch, French and English', () => {
    expect(describeExplanation(e, 'nl')).toMatch(/graffiti en street art.*leeftijd 13–14/);
    expect(describeExplanation(e, 'fr')).toMatch(/graffiti et street art.*âges 13–14/);
    expect(describeExplanation(e, 'en')).toMatch(/graffiti and street art.*ages 13–14/);
  });

  it('mentions over budget and online reach', () => {
    const online = makeOffer({ id: 'on', reach: { mode: 'online', maxTravelKm: 0 }, pricePerPupil: 12 });
    const [m] = engineWith(online).matchRequest(makeRequest({ budgetPerPupil: 10 }));
    expect(m.explanation).toMatchObject({ distanceKm: null, reachedBy: 'online', overBudget: true });
    expect(describeExplanation(m.explanation, 'en')).toMatch(/Online, no travel.*more expensive/);
  });
});

describe('incremental index', () => {
  it('adds, updates and removes offers without rebuilding', () => {
    const engine = engineWith(graffiti, sculpture);
    expect(engine.offerCount).toBe(2);
    engine.removeOffer('graffiti');
    expect(engine.offerCount).toBe(1);
    expect(engine.matchRequest(streetArtRequest).map((m) => m.offerId)).toEqual(['sculpture']);
    engine.upsertOffer({ ...sculpture, title: 'Graffiti en street art', description: 'Spuitbussen en een muurschildering.' });
    expect(engine.offerCount).toBe(1);
    expect(engine.matchRequest(streetArtRequest)[0].explanation.matchedThemes).toContain('street_art');
    engine.upsertOffer({ ...sculpture, audience: { ageMin: 3, ageMax: 5 } });
    expect(engine.matchRequest(streetArtRequest)).toEqual([]);
  });

  it('reuses freed slots correctly over many updates', () => {
    const engine = new MatchingEngine();
    for (let i = 0; i < 200; i++)
      engine.upsertOffer(makeOffer({ id: `o${i % 50}`, title: i % 2 ? 'Graffiti' : 'Beeldhouwen', audience: { ageMin: 12, ageMax: 18 } }));
    expect(engine.offerCount).toBe(50);
    const matches = engine.matchRequest(streetArtRequest, { top: 100 });
    expect(matches).toHaveLength(50);
    expect(new Set(matches.map((m) => m.offerId)).size).toBe(50);
  });
});

describe('MatchingEngine.matchOffer', () => {
  it('finds the open requests that should hear about a new offer, feasible only', () => {
    const engine = new MatchingEngine();
    engine.upsertRequest(streetArtRequest);
    engine.upsertRequest(
      makeRequest({
        id: 'music',
        title: 'Zingen',
        description: 'Een koorproject.',
        disciplines: ['music'],
        pupils: { ageMin: 13, ageMax: 14 },
      }),
    );
    engine.upsertRequest(makeRequest({ id: 'far', school: { ...GENT }, maxTravelKm: 5, pupils: { ageMin: 13, ageMax: 14 } }));
    expect(engine.requestCount).toBe(3);
    const matches = engine.matchOffer(graffiti);
    expect(matches.map((m) => m.requestId)).toEqual(['req-1', 'music']);
    expect(matches[0].explanation.matchedThemes).toContain('street_art');
    engine.removeRequest('req-1');
    expect(engine.matchOffer(graffiti).map((m) => m.requestId)).toEqual(['music']);
  });
});
