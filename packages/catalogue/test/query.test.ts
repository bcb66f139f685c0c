import { CatalogueQuerySchema } from '../src';

const issuesOf = (input: Record<string, unknown>) => {
  const parsed = CatalogueQuerySchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('CatalogueQuerySchema', () => {
  it('When a query string is parsed, then numbers, booleans and lists are coerced and defaults applied', () => {
    const query = CatalogueQuerySchema.parse({
      q: '  graffiti ',
      age: '9',
      discipline: 'music, dance',
      format: ['visit', 'workshop,performance'],
      language: 'nl',
      lat: '50.8',
      lon: '3.26',
      km: '25',
      price: 'social',
      maxPrice: '7.5',
      wheelchairAccess: 'true',
      specialNeeds: '0',
      lang: 'fr', // the page language shares the query string: ignored
    });
    expect(query).toEqual({
      q: 'graffiti',
      age: 9,
      discipline: ['music', 'dance'],
      format: ['visit', 'workshop', 'performance'],
      language: ['nl'],
      lat: 50.8,
      lon: 3.26,
      km: 25,
      price: 'social',
      maxPrice: 7.5,
      wheelchairAccess: true,
      specialNeeds: false,
      page: 1,
      pageSize: 20,
    });
  });

  it('When values are blank, then they count as absent', () => {
    expect(CatalogueQuerySchema.parse({ q: ' ', age: '', discipline: '', page: '', sort: '' })).toEqual({ page: 1, pageSize: 20 });
  });

  it.each([
    [{ age: 'nine' }, ['age']],
    [{ age: '9.5' }, ['age']],
    [{ discipline: 'music,opera' }, ['discipline.1']],
    [{ format: 'lecture' }, ['format.0']],
    [{ language: 'de' }, ['language.0']],
    [{ lat: '95', lon: '3' }, ['lat']],
    [{ lat: '50.8' }, ['lon']],
    [{ lon: '3.2' }, ['lat']],
    [{ km: '10' }, ['km']],
    [{ lat: '50.8', lon: '3.2', km: '-1' }, ['km']],
    [{ sort: 'distance' }, ['sort']],
    [{ sort: 'popularity' }, ['sort']],
    [{ price: 'cheap' }, ['price']],
    [{ maxPrice: '-2' }, ['maxPrice']],
    [{ wheelchairAccess: 'maybe' }, ['wheelchairAccess']],
    [{ grade: 'bananenklas' }, ['grade']],
    [{ page: '0' }, ['page']],
    [{ pageSize: '101' }, ['pageSize']],
    [{ page: '101', pageSize: '100' }, ['page']],
    [{ q: 'x'.repeat(201) }, ['q']],
  ])('When %j is parsed, then the issue is at %j', (input, paths) => {
    expect(issuesOf(input)).toEqual(paths);
  });

  it('When several fields are wrong, then each has its issue', () => {
    expect(issuesOf({ age: 'x', pageSize: '500', format: 'x' }).sort()).toEqual(['age', 'format.0', 'pageSize']);
  });

  it('accepts what a teacher types as a grade, and the deepest page allowed', () => {
    expect(issuesOf({ grade: '3de leerjaar' })).toEqual([]);
    expect(issuesOf({ grade: 'groep 5' })).toEqual([]);
    expect(issuesOf({ page: '100', pageSize: '100' })).toEqual([]);
    expect(issuesOf({ lat: '50.8', lon: '3.2', sort: 'distance' })).toEqual([]);
  });
});
