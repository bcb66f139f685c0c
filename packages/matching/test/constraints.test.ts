import { checkHardConstraints, haversineKm } from '../src';
import { GENT, KORTRIJK, makeOffer, makeRequest, pointNorthOf } from './fixtures';

describe('haversineKm', () => {
  it('uses an earth radius of 6371 km', () => {
    // One degree of latitude along a meridian is 6371 * pi / 180 km.
    expect(haversineKm({ lat: 50, lon: 3 }, { lat: 51, lon: 3 })).toBeCloseTo((6371 * Math.PI) / 180, 9);
  });
  it('gives Kortrijk-Gent about 42 km', () => {
    expect(haversineKm(KORTRIJK, GENT)).toBeGreaterThan(40);
    expect(haversineKm(KORTRIJK, GENT)).toBeLessThan(44);
  });
  it('is 0 for the same point', () => expect(haversineKm(GENT, GENT)).toBe(0));
});

describe('checkHardConstraints: ages', () => {
  it('accepts ranges that only touch', () => {
    const r = checkHardConstraints(makeRequest({ pupils: { ageMin: 10, ageMax: 12 } }), makeOffer({ audience: { ageMin: 6, ageMax: 10 } }));
    expect(r.feasible).toBe(true);
  });
  it('rejects ranges one year apart', () => {
    const r = checkHardConstraints(makeRequest({ pupils: { ageMin: 10, ageMax: 12 } }), makeOffer({ audience: { ageMin: 6, ageMax: 9 } }));
    expect(r.feasible).toBe(false);
    expect(r.reasons[0]).toMatch(/ages/);
  });
});

describe('checkHardConstraints: reach', () => {
  const at = (km: number) => pointNorthOf(KORTRIJK, km);

  it('accepts an on-site offer exactly at the school travel limit', () => {
    const offer = makeOffer({ location: at(25), reach: { mode: 'on_site', maxTravelKm: 0 } });
    const limit = haversineKm(KORTRIJK, offer.location);
    const r = checkHardConstraints(makeRequest({ maxTravelKm: limit }), offer);
    expect(r).toMatchObject({ feasible: true, reachedBy: 'on_site' });
    expect(r.distanceKm).toBeCloseTo(25, 6);
  });
  it('rejects an on-site offer just beyond the limit', () => {
    const offer = makeOffer({ location: at(25.01) });
    expect(checkHardConstraints(makeRequest({ maxTravelKm: 25 }), offer).feasible).toBe(false);
  });
  it('lets an at-school provider travel up to its own radius, even when the class cannot travel', () => {
    const offer = makeOffer({ location: at(30), reach: { mode: 'at_school', maxTravelKm: 30.001 } });
    expect(checkHardConstraints(makeRequest({ maxTravelKm: 0 }), offer)).toMatchObject({ feasible: true, reachedBy: 'at_school' });
    const far = makeOffer({ location: at(30.01), reach: { mode: 'at_school', maxTravelKm: 30 } });
    expect(checkHardConstraints(makeRequest({ maxTravelKm: 100 }), far).feasible).toBe(false);
  });
  it('rejects an on-site offer next door when the class cannot travel (maxTravelKm 0)', () => {
    const offer = makeOffer({ location: at(0.7), reach: { mode: 'on_site', maxTravelKm: 0 } });
    expect(checkHardConstraints(makeRequest({ maxTravelKm: 0 }), offer).feasible).toBe(false);
  });
  it('tries both ways for mode both', () => {
    const offer = makeOffer({ location: at(40), reach: { mode: 'both', maxTravelKm: 45 } });
    expect(checkHardConstraints(makeRequest({ maxTravelKm: 10 }), offer)).toMatchObject({ feasible: true, reachedBy: 'at_school' });
    expect(checkHardConstraints(makeRequest({ maxTravelKm: 50 }), offer)).toMatchObject({ feasible: true, reachedBy: 'on_site' });
  });
  it('always reaches online, with no distance', () => {
    const offer = makeOffer({ location: at(500), reach: { mode: 'online', maxTravelKm: 0 } });
    expect(checkHardConstraints(makeRequest({ maxTravelKm: 0 }), offer)).toMatchObject({
      feasible: true,
      reachedBy: 'online',
      distanceKm: null,
    });
  });
});

describe('checkHardConstraints: price', () => {
  it('accepts exactly 1.5 x the budget and rejects above it', () => {
    expect(checkHardConstraints(makeRequest({ budgetPerPupil: 4 }), makeOffer({ pricePerPupil: 6 })).feasible).toBe(true);
    expect(checkHardConstraints(makeRequest({ budgetPerPupil: 4 }), makeOffer({ pricePerPupil: 6.01 })).feasible).toBe(false);
  });
  it('has no price limit without a stated budget', () => {
    expect(checkHardConstraints(makeRequest({ budgetPerPupil: undefined }), makeOffer({ pricePerPupil: 500 })).feasible).toBe(true);
  });
  it('accepts a free offer for a zero budget', () => {
    expect(checkHardConstraints(makeRequest({ budgetPerPupil: 0 }), makeOffer({ pricePerPupil: 0 })).feasible).toBe(true);
  });
});
