import type { Region } from '@koppel/auth';
import { mayManagePolicy, policyRegionsFor, provincesWithinRegions } from '../src/app/policies/policy-scope';
import { ALL_REGIONS, PROVINCE_RANGES, provinceOfPostcode, regionOf, REGIONS } from '../src/app/regions/province-of-postcode';

const be = (postcodeFrom: number, postcodeTo: number): Region => ({ country: 'BE', postcodeFrom, postcodeTo });
const nl = (postcodeFrom: number, postcodeTo: number): Region => ({ country: 'NL', postcodeFrom, postcodeTo });
const broker = (...regions: Region[]) => ({ role: 'broker' as const, regions });

describe('provinces a broker may manage', () => {
  it('a West Flanders broker (8000–8999 BE) manages West Flanders only', () => {
    expect(provincesWithinRegions([be(8000, 8999)])).toEqual(['West-Vlaanderen']);
  });

  it('a broker covering part of a province manages none', () => {
    expect(provincesWithinRegions([be(8500, 8599)])).toEqual([]);
    expect(provincesWithinRegions([be(8000, 8998)])).toEqual([]);
    expect(provincesWithinRegions([be(8001, 8999)])).toEqual([]);
  });

  it('needs regions of the province’s own country: NL ranges need NL regions', () => {
    // BE 3400–3999 covers Belgian Limburg (3500–3999), not Dutch Utrecht (NL 3400–3999).
    expect(provincesWithinRegions([be(3400, 3999)])).toEqual(['Limburg (BE)']);
    expect(provincesWithinRegions([nl(3400, 3999)])).toEqual(['Utrecht']);
    const allBelgium = provincesWithinRegions([be(1000, 9999)]);
    expect(allBelgium).toHaveLength(11);
    expect(allBelgium.every((p) => PROVINCE_RANGES.some((r) => r.province === p && r.country === 'BE'))).toBe(true);
  });

  it('counts adjoining regions together and stops at a gap', () => {
    expect(provincesWithinRegions([be(8500, 8999), be(8000, 8499)])).toEqual(['West-Vlaanderen']);
    expect(provincesWithinRegions([be(8000, 8499), be(8501, 8999)])).toEqual([]);
    expect(provincesWithinRegions([be(7000, 9999), be(8200, 8300)])).toEqual(['Oost-Vlaanderen', 'West-Vlaanderen']);
  });

  it('needs every range of a province that has several', () => {
    // Henegouwen is 6000–6599 and 7000–7999; Flevoland NL 1300–1379 and 8200–8399.
    expect(provincesWithinRegions([be(7000, 7999)])).toEqual([]);
    expect(provincesWithinRegions([be(6000, 6599), be(7000, 7999)])).toEqual(['Henegouwen']);
    expect(provincesWithinRegions([nl(8200, 8399)])).toEqual([]);
    expect(provincesWithinRegions([nl(1300, 1379), nl(8200, 8399)])).toEqual(['Flevoland']);
  });

  it('is nothing without regions', () => {
    expect(provincesWithinRegions(undefined)).toEqual([]);
    expect(provincesWithinRegions([])).toEqual([]);
  });
});

describe('policy scope of console users', () => {
  it('gives an admin every region, France and the unknown included', () => {
    expect(policyRegionsFor({ role: 'admin' })).toEqual(REGIONS);
    expect(mayManagePolicy({ role: 'admin' }, 'Nord (FR)')).toBe(true);
  });

  it('gives a broker its wholly covered provinces and nothing else', () => {
    const west = broker(be(8000, 8999));
    expect(policyRegionsFor(west)).toEqual(['West-Vlaanderen']);
    expect(mayManagePolicy(west, 'West-Vlaanderen')).toBe(true);
    expect(mayManagePolicy(west, 'Oost-Vlaanderen')).toBe(false);
    expect(mayManagePolicy(west, 'Onbekend')).toBe(false);
    expect(mayManagePolicy(west, 'Frankrijk')).toBe(false);
    expect(mayManagePolicy(broker(be(8500, 8599)), 'West-Vlaanderen')).toBe(false);
  });

  it('never gives a broker the regions outside Belgium and the Netherlands, even covering all of both', () => {
    const everywhere = broker(be(1000, 9999), nl(1000, 9999));
    expect(policyRegionsFor(everywhere)).toEqual(ALL_REGIONS);
    expect(mayManagePolicy(everywhere, 'Nord (FR)')).toBe(false);
  });
});

describe('province of a postcode (the names policies are kept under)', () => {
  it('reads Belgian, Dutch and French postcodes by their shape', () => {
    expect(provinceOfPostcode('8530')).toBe('West-Vlaanderen');
    expect(provinceOfPostcode('3511 AB')).toBe('Utrecht');
    expect(provinceOfPostcode('59000')).toBe('Nord (FR)');
    expect(provinceOfPostcode('75001')).toBe('Frankrijk');
    expect(provinceOfPostcode('x')).toBe('Onbekend');
  });

  it('reads a postcode in its country: a Dutch school with four digits is Dutch, never a Belgian province', () => {
    expect(regionOf('NL', '3511')).toBe('Utrecht');
    expect(regionOf('NL', '6211 AB')).toBe('Limburg (NL)');
    expect(regionOf('BE', '3511')).toBe('Limburg (BE)');
    expect(regionOf('BE', '8530')).toBe('West-Vlaanderen');
    expect(regionOf('FR', '59000')).toBe('Nord (FR)');
    expect(regionOf('NL', '59000')).toBe('Onbekend');
    expect(regionOf('LU', '1234')).toBe('Onbekend');
    expect(regionOf(undefined, '3511 AB')).toBe('Utrecht');
  });
});
