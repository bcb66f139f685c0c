import { placeKey, postcodeOfMunicipality, placeOfMunicipality, placeOfPostcode, resolvePlace } from '../src';

describe('gazetteer', () => {
  it('resolves Belgian postcodes to their municipality and coordinates', () => {
    const kortrijk = placeOfPostcode('BE', '8500');
    expect(kortrijk?.municipality).toBe('Kortrijk');
    expect(kortrijk?.lat).toBeCloseTo(50.83, 1);
    expect(kortrijk?.lon).toBeCloseTo(3.26, 1);
    expect(placeOfPostcode('BE', '2000')?.municipality).toBe('Antwerpen');
    expect(placeOfPostcode('BE', '0001')).toBeUndefined();
  });

  it('resolves municipalities by name in BE and NL, ignoring accents and case', () => {
    expect(placeOfMunicipality('NL', 'utrecht')?.lat).toBeCloseTo(52.09, 1);
    expect(placeOfMunicipality('BE', 'LIEGE')?.municipality).toBe('Liège');
    expect(placeOfMunicipality('NL', 'Nergenshuizen')).toBeUndefined();
  });

  it('prefers the postcode over the name', () => {
    expect(resolvePlace('BE', '8530', 'Whatever')?.by).toBe('postcode');
    expect(resolvePlace('NL', '3511 AB', 'Utrecht')?.by).toBe('municipality');
    expect(placeKey('Sint-Niklaas')).toBe('sint niklaas');
    expect(postcodeOfMunicipality('BE', 'Harelbeke')).toBe('8530');
  });
});
