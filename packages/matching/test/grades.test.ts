import { agesFromGradeText } from '../src';

const ages = (text: string) => {
  const r = agesFromGradeText(text);
  return r && [r.ageMin, r.ageMax];
};

describe('agesFromGradeText: Flanders', () => {
  it.each([
    ['3de leerjaar', [8, 9]],
    ['voor ons derde leerjaar', [8, 9]],
    ['het 1ste leerjaar', [6, 7]],
    ['5de en 6de leerjaar', [10, 12]],
    ['graadklas 3de-4de leerjaar', [8, 10]],
    ['2de kleuterklas', [4, 5]],
    ['instapklas en eerste kleuterklas', [2, 4]],
    ['de oudste kleuters', [5, 6]],
    ['derde graad lager onderwijs', [10, 12]],
    ['2de graad ASO', [14, 16]],
    ['4de jaar ASO', [15, 16]],
    ['S1-S2', [12, 14]],
    ['het 3de jaar Bouwtechnieken (secundair)', [14, 15]],
  ])('%s', (text, expected) => expect(ages(text)).toEqual(expected));

  it('reads "eerste graad" as primary when the text talks about leerjaren', () => {
    expect(ages('eerste graad (1ste en 2de leerjaar)')).toEqual([6, 8]);
  });
  it('reads "eerste graad" as secondary with secondary context', () => {
    expect(ages('eerste graad secundair')).toEqual([12, 14]);
  });
});

describe('agesFromGradeText: the Netherlands', () => {
  it.each([
    ['groep 5', [8, 9]],
    ['groep 1', [4, 5]],
    ['groep 7-8', [10, 12]],
    ['brugklas', [12, 13]],
    ['havo 3', [14, 15]],
    ['4 vwo', [15, 16]],
  ])('%s', (text, expected) => expect(ages(text)).toEqual(expected));
});

describe('agesFromGradeText: French and English', () => {
  it.each([
    ['CE2', [8, 9]],
    ['CM2', [10, 11]],
    ['moyenne section', [4, 5]],
    ['5e et 6e primaire', [10, 12]],
    ['deux classes de 6e au collège', [11, 12]],
    ['Grades 6–7', [11, 13]],
    ['Year 7', [11, 12]],
  ])('%s', (text, expected) => expect(ages(text)).toEqual(expected));
});

describe('agesFromGradeText: free text', () => {
  it('finds the grade inside a request and says what it matched', () => {
    const r = agesFromGradeText('Dag! Met onze twee klassen van het vijfde leerjaar (46 lln) werken we rond WO I.');
    expect(r).toEqual({ ageMin: 10, ageMax: 11, matched: 'vijfde leerjaar' });
  });
  it('returns null without a grade', () => expect(agesFromGradeText('We zoeken een dansworkshop.')).toBeNull());
});
